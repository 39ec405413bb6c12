import { useQuery } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Spinner } from "../../../components/Spinner";
import { useDebouncedValue } from "../../../lib/use-debounced-value";
import { useCreateGeneration } from "../mutations";
import { estimateQueryOptions } from "../queries";
import { VARIANT_COUNT_MAX, VARIANT_COUNT_MIN } from "../settings";
import type { Generation, MixSettings } from "../types";
import { EstimateSummary } from "./EstimateSummary";
import { NumberField } from "./fields";
import styles from "./GeneratePanel.module.css";
import { problemFromError, problemText } from "./problem-text";

interface Props {
  projectId: string;
  settings: MixSettings;
  count: number;
  onCountChange: (count: number) => void;
  onGenerated: (generation: Generation) => void;
}

/** Variant count, the live estimate (debounced 300 ms) and the Generate button. */
export function GeneratePanel({ projectId, settings, count, onCountChange, onGenerated }: Props) {
  const { t } = useTranslation();
  // Memoized so that the debounce restarts only when the input really changes.
  const input = useMemo(() => ({ settings, count }), [settings, count]);
  const debounced = useDebouncedValue(input, 300);
  const estimate = useQuery(estimateQueryOptions(projectId, debounced.settings, debounced.count));
  const generate = useCreateGeneration(projectId);

  const waiting = debounced !== input || estimate.isFetching;
  const problems = estimate.data?.problems ?? [];
  const canGenerate = !waiting && estimate.isSuccess && !estimate.isPlaceholderData && problems.length === 0;
  // The estimate can be outdated by the time Generate is pressed (balance or clips changed), and
  // then the request fails with the same problem the estimate would list.
  const generateProblem = problemFromError(generate.error);
  const generateProblemText = generateProblem ? problemText(generateProblem, t) : undefined;

  return (
    <div className={styles.panel}>
      <NumberField
        label={t("videoMixer.generate.count")}
        value={count}
        min={VARIANT_COUNT_MIN}
        max={VARIANT_COUNT_MAX}
        step={1}
        onChange={(value) => onCountChange(Math.round(value))}
      />

      <p className="sr-only" aria-live="polite">
        {estimate.data && !waiting
          ? t("videoMixer.estimate.announce", { total: estimate.data.totalCost, count: problems.length })
          : ""}
      </p>
      <div>
        {estimate.isPending && <Spinner label={t("videoMixer.estimate.loading")} showLabel />}
        {estimate.isError && !estimate.data && (
          <ErrorNotice error={estimate.error} compact onRetry={() => void estimate.refetch()} />
        )}
        {estimate.data && <EstimateSummary estimate={estimate.data} stale={waiting} />}
      </div>

      {generate.isError && <ErrorNotice error={generate.error} context="generate" message={generateProblemText} />}

      <button
        type="button"
        className="btn btn-primary btn-lg btn-block"
        disabled={!canGenerate || generate.isPending}
        onClick={() =>
          generate.mutate(
            { settings, count },
            {
              onSuccess: (generation) => onGenerated(generation),
            },
          )
        }
      >
        <Sparkles size={18} aria-hidden="true" />
        {generate.isPending ? t("videoMixer.generate.submitting") : t("videoMixer.generate.submit", { count })}
      </button>
      {!canGenerate && problems.length > 0 && <p className="hint">{t("videoMixer.generate.blocked")}</p>}
    </div>
  );
}
