import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatNumber, formatRupiah } from "../../lib/format";
import "./i18n";
import styles from "./Purchase.module.css";
import { catalogQueryOptions } from "./queries";
import { useBuy } from "./use-buy";

// The package the original product marked as the best value.
const FEATURED_PACKAGE = "juragan";

/** Credit packages and plans from the API's catalogue, each with a button that starts paying. */
export function PurchaseOptions() {
  const { t } = useTranslation();
  const language = useLanguage();
  const catalog = useQuery(catalogQueryOptions());
  const buy = useBuy();

  if (catalog.isPending) return <Spinner showLabel />;
  if (catalog.isError) return <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} />;

  const busy = buy.isPending;

  return (
    <>
      {buy.isError && <ErrorNotice error={buy.error} context="payments" />}
      {busy && <Spinner label={t("billing.redirecting")} showLabel />}

      <section className="card" aria-labelledby="packages-title">
        <div className="card-title">
          <h2 id="packages-title">{t("billing.packagesTitle")}</h2>
        </div>
        <p className="muted small">{t("billing.packagesHint")}</p>
        <ul className={styles.grid}>
          {catalog.data.packages.map((item) => (
            <li
              key={item.id}
              className={item.id === FEATURED_PACKAGE ? `${styles.item} ${styles.featured}` : styles.item}
            >
              <span className={styles.name}>
                {item.name}
                {item.id === FEATURED_PACKAGE && <span className="badge badge-primary">{t("billing.popular")}</span>}
              </span>
              <span className={styles.price}>{formatRupiah(item.price)}</span>
              <span>{t("billing.credits", { amount: formatNumber(item.credits, language) })}</span>
              <span className={styles.detail}>
                {t("billing.pricePerCredit", { price: formatRupiah(Math.round(item.price / item.credits)) })}
              </span>
              <button
                type="button"
                className="btn btn-primary"
                aria-label={t("billing.buyLabel", { name: item.name })}
                disabled={busy}
                onClick={() => buy.mutate(item.id)}
              >
                {t("billing.buy")}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="plans-title">
        <div className="card-title">
          <h2 id="plans-title">{t("billing.plansTitle")}</h2>
        </div>
        <p className="muted small">{t("billing.plansHint")}</p>
        <ul className={styles.grid}>
          {catalog.data.plans.map((plan) => (
            <li key={plan.id} className={styles.item}>
              <span className={styles.name}>{plan.name}</span>
              <span className={styles.price}>{formatRupiah(plan.price)}</span>
              <span className={styles.detail}>{t("billing.perPeriod", { count: plan.days })}</span>
              <button
                type="button"
                className="btn btn-secondary"
                aria-label={t("billing.subscribeLabel", { name: plan.name })}
                disabled={busy}
                onClick={() => buy.mutate(plan.id)}
              >
                {t("billing.subscribe")}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted small">{t("billing.payNote")}</p>
      </section>
    </>
  );
}
