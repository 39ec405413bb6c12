import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatDateTime, formatRupiah } from "../../lib/format";
import { PaymentStatusBadge } from "../credits/StatusBadge";
import type { OrderStatus } from "../credits/types";
import styles from "./Admin.module.css";
import "./i18n";
import { adminPaymentsQueryOptions } from "./queries";

const STATUSES: OrderStatus[] = ["pending", "paid", "failed", "expired"];

export interface PaymentFilters {
  status?: OrderStatus;
  q?: string;
}

/** Lists every order with a status filter and a search; the filters live in the URL. */
export function PaymentsPanel({
  filters,
  onChange,
}: {
  filters: PaymentFilters;
  onChange: (next: PaymentFilters) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const statusId = useId();
  const searchId = useId();
  const [text, setText] = useState(filters.q ?? "");
  const payments = useInfiniteQuery(adminPaymentsQueryOptions(filters));
  const items = payments.data?.pages.flatMap((page) => page.items) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: text.trim() || undefined });
  };

  return (
    <section className="card" aria-labelledby="admin-payments-title">
      <h2 id="admin-payments-title" className="sr-only">
        {t("admin.nav.payments")}
      </h2>
      <p className="muted">{t("admin.payments.subtitle")}</p>
      <search>
        <form className={styles.filters} onSubmit={submit}>
          <div className="field">
            <label className="label" htmlFor={statusId}>
              {t("admin.payments.statusLabel")}
            </label>
            <select
              id={statusId}
              className="select"
              value={filters.status ?? ""}
              onChange={(event) =>
                onChange({ ...filters, status: (event.target.value || undefined) as OrderStatus | undefined })
              }
            >
              <option value="">{t("admin.payments.allStatuses")}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`payments.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field ${styles.grow}`}>
            <label className="label" htmlFor={searchId}>
              {t("admin.payments.searchLabel")}
            </label>
            <input
              id={searchId}
              className="input"
              type="search"
              value={text}
              maxLength={100}
              placeholder={t("admin.payments.searchPlaceholder")}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary">
            {t("admin.payments.searchButton")}
          </button>
        </form>
      </search>

      {payments.isPending && <Spinner showLabel />}
      {payments.isError && <ErrorNotice error={payments.error} onRetry={() => void payments.refetch()} />}
      {payments.isSuccess && items.length === 0 && <p className="muted">{t("admin.payments.empty")}</p>}
      {items.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("admin.payments.columns.order")}</th>
                <th scope="col">{t("admin.payments.columns.buyer")}</th>
                <th scope="col">{t("admin.payments.columns.item")}</th>
                <th scope="col" className={styles.number}>
                  {t("admin.payments.columns.amount")}
                </th>
                <th scope="col">{t("admin.payments.columns.status")}</th>
                <th scope="col">{t("admin.payments.columns.created")}</th>
                <th scope="col">{t("admin.payments.columns.settledBy")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((payment) => (
                <tr key={payment.merchantOrderId}>
                  <td>
                    <div className={styles.mono}>{payment.merchantOrderId}</div>
                    {payment.reference && <div className={`muted ${styles.mono}`}>{payment.reference}</div>}
                  </td>
                  <td>
                    <Link to="/admin/users/$userId" params={{ userId: payment.user.id }}>
                      {payment.user.email}
                    </Link>
                  </td>
                  <td>{payment.itemName}</td>
                  <td className={styles.number}>{formatRupiah(payment.amount)}</td>
                  <td>
                    <PaymentStatusBadge status={payment.status} />
                    {payment.failureReason && <div className="muted small">{payment.failureReason}</div>}
                  </td>
                  <td>
                    <time dateTime={payment.createdAt}>{formatDateTime(payment.createdAt, language)}</time>
                  </td>
                  <td>{payment.settledBy ? t(`admin.payments.settledBy.${payment.settledBy}`) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {payments.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => void payments.fetchNextPage()}
          disabled={payments.isFetchingNextPage}
        >
          {payments.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
        </button>
      )}
    </section>
  );
}
