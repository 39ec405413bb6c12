import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatDateTime, formatRupiah } from "../../lib/format";
import "./i18n";
import styles from "./Purchase.module.css";
import { isPaymentUrl } from "./payment-url";
import { paymentsQueryOptions } from "./queries";
import { PaymentStatusBadge } from "./StatusBadge";

/** Lists the user's purchases, newest first; a pending one links back to its payment page. */
export function OrderList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orders = useInfiniteQuery(paymentsQueryOptions());
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby="orders-title">
      <h2 id="orders-title" className="card-title">
        {t("payments.ordersTitle")}
      </h2>
      {orders.isPending && <Spinner showLabel />}
      {orders.isError && <ErrorNotice error={orders.error} onRetry={() => void orders.refetch()} />}
      {orders.isSuccess && items.length === 0 && <p className="muted">{t("payments.ordersEmpty")}</p>}
      {items.length > 0 && (
        <ul className={styles.orders}>
          {items.map((order) => (
            <li key={order.merchantOrderId} className={styles.order}>
              <div className={styles.orderWhat}>
                <strong>{order.itemName}</strong>
                <span className="muted small">
                  <time dateTime={order.createdAt}>{formatDateTime(order.createdAt, language)}</time>
                  {" · "}
                  {formatRupiah(order.amount)}
                </span>
                <span className={`muted ${styles.orderId}`}>
                  {t("payments.orderId", { id: order.merchantOrderId })}
                </span>
              </div>
              <div className="row">
                <PaymentStatusBadge status={order.status} />
                {order.status === "pending" && order.paymentUrl && isPaymentUrl(order.paymentUrl) && (
                  <a
                    className="btn btn-secondary btn-sm"
                    href={order.paymentUrl}
                    aria-label={t("payments.continueLabel", { name: order.itemName })}
                  >
                    {t("payments.continue")}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {orders.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => void orders.fetchNextPage()}
          disabled={orders.isFetchingNextPage}
        >
          {orders.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
        </button>
      )}
    </section>
  );
}
