import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { AdjustmentForm } from "./AdjustmentForm";
import styles from "./Admin.module.css";
import "./i18n";
import { adminLedgerQueryOptions, adminUserQueryOptions } from "./queries";

/** Shows one user to an admin: balance, plan, the full ledger with notes, and the adjustment form. */
export function UserDetail({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useQuery(adminUserQueryOptions(userId));
  const ledger = useInfiniteQuery(adminLedgerQueryOptions(userId));
  const entries = ledger.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <Link to="/admin/users" className="small">
        {t("admin.user.back")}
      </Link>
      {user.isPending && <Spinner showLabel />}
      {user.isError && <ErrorNotice error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && (
        <section className="card" aria-labelledby="admin-user-title">
          <h2 id="admin-user-title" className="card-title">
            {user.data.name}
          </h2>
          <dl className={styles.facts}>
            <dt>{t("admin.user.email")}</dt>
            <dd>{user.data.email}</dd>
            <dt>{t("admin.user.balance")}</dt>
            <dd data-testid="admin-user-balance">{formatNumber(user.data.balance, language)}</dd>
            <dt>{t("admin.user.tier")}</dt>
            <dd>
              {t(`billing.tier.${user.data.tier}`)}
              {user.data.tierExpiresAt &&
                ` · ${t("billing.activeUntil", { date: formatDateTime(user.data.tierExpiresAt, language) })}`}
            </dd>
          </dl>
        </section>
      )}

      <AdjustmentForm userId={userId} />

      <section className="card" aria-labelledby="admin-ledger-title">
        <h2 id="admin-ledger-title" className="card-title">
          {t("admin.user.ledgerTitle")}
        </h2>
        {ledger.isPending && <Spinner showLabel />}
        {ledger.isError && <ErrorNotice error={ledger.error} onRetry={() => void ledger.refetch()} />}
        {ledger.isSuccess && entries.length === 0 && <p className="muted">{t("admin.user.ledgerEmpty")}</p>}
        {entries.length > 0 && (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t("admin.user.columns.when")}</th>
                  <th scope="col">{t("admin.user.columns.kind")}</th>
                  <th scope="col" className={styles.number}>
                    {t("admin.user.columns.amount")}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t("admin.user.columns.balance")}
                  </th>
                  <th scope="col">{t("admin.user.columns.note")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.seq}>
                    <td>
                      <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, language)}</time>
                    </td>
                    <td>{t(`credits.kind.${entry.kind}`, { defaultValue: entry.kind })}</td>
                    <td
                      className={`${styles.number} ${entry.amount > 0 ? styles.plus : entry.amount < 0 ? styles.minus : ""}`}
                    >
                      {signed(entry.amount, language)}
                    </td>
                    <td className={styles.number}>{formatNumber(entry.balanceAfter, language)}</td>
                    <td>
                      {entry.description}
                      {entry.reference && <div className={`muted ${styles.mono}`}>{entry.reference}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {ledger.hasNextPage && (
          <button
            type="button"
            className="btn btn-secondary btn-block"
            onClick={() => void ledger.fetchNextPage()}
            disabled={ledger.isFetchingNextPage}
          >
            {ledger.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
          </button>
        )}
      </section>
    </div>
  );
}

/** Formats a ledger change with its sign, e.g. "+250" or "−100" (a minus sign, not a hyphen). */
function signed(amount: number, language: ReturnType<typeof useLanguage>): string {
  const digits = formatNumber(Math.abs(amount), language);
  if (amount > 0) return `+${digits}`;
  if (amount < 0) return `−${digits}`;
  return digits;
}
