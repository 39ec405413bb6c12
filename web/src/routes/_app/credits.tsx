import { useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { meQueryOptions } from "../../features/auth/queries";
import { LedgerList } from "../../features/credits/LedgerList";
import { OrderList } from "../../features/credits/OrderList";
import { PlanCard } from "../../features/credits/PlanCard";
import { PurchaseOptions } from "../../features/credits/PurchaseOptions";
import { catalogQueryOptions, creditHistoryQueryOptions } from "../../features/credits/queries";
import { BalanceCard } from "../../features/dashboard/BalanceCard";
import styles from "../../features/dashboard/Dashboard.module.css";

export const Route = createFileRoute("/_app/credits")({
  loader: ({ context }) => context.queryClient.prefetchQuery(catalogQueryOptions()),
  component: CreditsPage,
});

function CreditsPage() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());
  const history = useInfiniteQuery(creditHistoryQueryOptions());
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="container page">
      <div className="page-header">
        <div>
          <h1>{t("credits.title")}</h1>
          <p>{t("credits.subtitle")}</p>
        </div>
      </div>
      <div className={styles.layout}>
        <div className="stack">
          <PurchaseOptions />
          <OrderList />
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title" className="card-title">
              {t("credits.historyTitle")}
            </h2>
            {history.isPending && <Spinner showLabel />}
            {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
            {history.isSuccess && entries.length === 0 && <p className="muted">{t("credits.empty")}</p>}
            {entries.length > 0 && <LedgerList entries={entries} />}
            {history.hasNextPage && (
              <button
                type="button"
                className="btn btn-secondary btn-block"
                onClick={() => void history.fetchNextPage()}
                disabled={history.isFetchingNextPage}
              >
                {history.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
              </button>
            )}
          </section>
        </div>
        <div className={`stack ${styles.side}`}>
          <BalanceCard fallback={user.balance} showRecent={false} />
          <PlanCard />
        </div>
      </div>
    </div>
  );
}
