import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import styles from "./Admin.module.css";
import "./i18n";
import { adminUsersQueryOptions } from "./queries";

/** Shows a user search; each result links to that user's balance, ledger and adjustment form. */
export function UsersPanel({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [text, setText] = useState(q);
  const users = useInfiniteQuery(adminUsersQueryOptions(q));
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };

  return (
    <section className="card" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title" className="sr-only">
        {t("admin.nav.users")}
      </h2>
      <p className="muted">{t("admin.users.subtitle")}</p>
      <search>
        <form className={styles.filters} onSubmit={submit}>
          <div className={`field ${styles.grow}`}>
            <label className="label" htmlFor={searchId}>
              {t("admin.users.searchLabel")}
            </label>
            <input
              id={searchId}
              className="input"
              type="search"
              value={text}
              maxLength={100}
              placeholder={t("admin.users.searchPlaceholder")}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary">
            {t("admin.users.searchButton")}
          </button>
        </form>
      </search>

      {users.isPending && <Spinner showLabel />}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && items.length === 0 && <p className="muted">{t("admin.users.empty")}</p>}
      {items.length > 0 && (
        <ul className={styles.userList}>
          {items.map((user) => (
            <li key={user.id}>
              <div>
                <Link
                  to="/admin/users/$userId"
                  params={{ userId: user.id }}
                  aria-label={t("admin.users.open", { name: user.email })}
                >
                  <strong>{user.name}</strong>
                </Link>
                <div className="muted small">{user.email}</div>
              </div>
              <div className="row">
                {user.role === "admin" && <span className="badge badge-primary">{t("admin.users.role.admin")}</span>}
                <span className="badge">{t(`billing.tier.${user.tier}`)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {users.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => void users.fetchNextPage()}
          disabled={users.isFetchingNextPage}
        >
          {users.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
        </button>
      )}
    </section>
  );
}
