import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Spinner } from "../../../components/Spinner";
import { generationsQueryOptions } from "../queries";
import type { MixSettings } from "../types";
import { GenerationCard } from "./GenerationCard";
import styles from "./Generations.module.css";

export function GenerationHistory({
  projectId,
  onUseSettings,
}: {
  projectId: string;
  onUseSettings: (settings: MixSettings) => void;
}) {
  const { t } = useTranslation();
  const history = useInfiniteQuery(generationsQueryOptions(projectId));
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby="history-title" id="generation-history" tabIndex={-1}>
      <div className="card-title">
        <h2 id="history-title">{t("videoMixer.generations.historyTitle")}</h2>
      </div>
      {history.isPending && <Spinner showLabel />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && items.length === 0 && <p className="muted">{t("videoMixer.generations.empty")}</p>}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((generation, index) => (
            <GenerationCard
              key={generation.id}
              summary={generation}
              initiallyExpanded={index === 0}
              onUseSettings={onUseSettings}
            />
          ))}
        </ul>
      )}
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
  );
}
