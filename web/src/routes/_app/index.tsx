import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { meQueryOptions } from "../../features/auth/queries";
import { AppsGrid } from "../../features/dashboard/AppsGrid";
import { BalanceCard } from "../../features/dashboard/BalanceCard";
import styles from "../../features/dashboard/Dashboard.module.css";
import { appsQueryOptions } from "../../features/dashboard/queries";

export const Route = createFileRoute("/_app/")({
  loader: ({ context }) => context.queryClient.ensureQueryData(appsQueryOptions()),
  errorComponent: ({ error, reset }) => (
    <div className="container page">
      <ErrorNotice error={error} onRetry={reset} />
    </div>
  ),
  component: DashboardPage,
});

function DashboardPage() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());

  return (
    <div className="container page">
      <div className="page-header">
        <div>
          <h1>{t("dashboard.greeting", { name: user.name })}</h1>
          <p>{t("dashboard.subtitle")}</p>
        </div>
      </div>
      <div className={styles.layout}>
        <AppsGrid />
        <div className={styles.side}>
          <BalanceCard fallback={user.balance} />
        </div>
      </div>
    </div>
  );
}
