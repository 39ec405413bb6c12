import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Wallet } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { LedgerList } from "../credits/LedgerList";
import { balanceQueryOptions, recentCreditsQueryOptions } from "../credits/queries";
import styles from "./BalanceCard.module.css";

/** Shows the balance and, unless `showRecent` is false, the last five entries that changed it. */
export function BalanceCard({ fallback, showRecent = true }: { fallback: number; showRecent?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data: balance = fallback } = useQuery(balanceQueryOptions());
  const recent = useQuery({ ...recentCreditsQueryOptions(), enabled: showRecent });

  return (
    <section className={`card ${styles.card}`} aria-labelledby="balance-title">
      <div className={styles.hero}>
        <span className={styles.icon}>
          <Wallet size={22} aria-hidden="true" />
        </span>
        <div>
          <h2 id="balance-title" className={styles.title}>
            {t("dashboard.balance.title")}
          </h2>
          <p className={styles.amount} data-testid="dashboard-balance">
            {formatNumber(balance, language)} <span>{t("credits.unit", { count: balance })}</span>
          </p>
        </div>
      </div>

      {showRecent && (
        <div className={styles.recent}>
          <div className="card-title">
            <h3>{t("dashboard.balance.recent")}</h3>
            <Link to="/credits" className="small">
              {t("dashboard.balance.viewAll")}
            </Link>
          </div>
          {recent.isPending && <Spinner />}
          {recent.isError && <ErrorNotice error={recent.error} compact onRetry={() => void recent.refetch()} />}
          {recent.data && recent.data.length === 0 && <p className="muted small">{t("credits.empty")}</p>}
          {recent.data && recent.data.length > 0 && <LedgerList entries={recent.data} showBalance={false} />}
        </div>
      )}
    </section>
  );
}
