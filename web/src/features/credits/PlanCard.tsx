import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import "./i18n";
import styles from "./Purchase.module.css";
import { planQueryOptions } from "./queries";

/** Shows the user's tier and, for a paid one, when it ends. */
export function PlanCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = useQuery(planQueryOptions());

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title" className="card-title">
        {t("billing.currentPlan")}
      </h2>
      {plan.isPending && <Spinner />}
      {plan.isError && <ErrorNotice error={plan.error} compact onRetry={() => void plan.refetch()} />}
      {plan.data && (
        <>
          <p className={styles.planTier}>{t(`billing.tier.${plan.data.tier}`)}</p>
          {plan.data.tier !== "free" && (
            <p className="muted small">
              {plan.data.expiresAt
                ? t("billing.activeUntil", { date: formatDateTime(plan.data.expiresAt, language) })
                : t("billing.noEndDate")}
            </p>
          )}
        </>
      )}
    </section>
  );
}
