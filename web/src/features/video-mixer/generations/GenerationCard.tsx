import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { ChevronDown, ChevronUp, FileArchive, RotateCcw } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { useLanguage } from "../../../i18n";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { invalidateAfterCharge } from "../mutations";
import { generationQueryOptions, isGenerationActive, zipUrl } from "../queries";
import type { Generation, MixSettings } from "../types";
import styles from "./Generations.module.css";
import { OutputTile } from "./OutputTile";
import { StatusBadge } from "./StatusBadge";

interface Props {
  summary: Generation;
  initiallyExpanded: boolean;
  onUseSettings: (settings: MixSettings) => void;
}

/** Shows one generation with its status, cost, overall progress and outputs, polling while it runs. */
export function GenerationCard({ summary, initiallyExpanded, onUseSettings }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState(initiallyExpanded || isGenerationActive(summary.status));
  const bodyId = useId();

  // The list already carries the outputs, so the detail query only runs to poll a running generation.
  const detail = useQuery({ ...generationQueryOptions(summary.id), enabled: isGenerationActive(summary.status) });
  // A finished summary comes from the list refetched after the run ended, so it is the newest copy.
  const generation = isGenerationActive(summary.status) && detail.data ? detail.data : summary;
  const outputs = generation.outputs;
  const done = outputs.filter((output) => output.status === "completed").length;
  const active = isGenerationActive(generation.status);

  // When a run ends, the credits it held are captured or released, so the balance and the list are refreshed.
  const previousStatus = useRef(generation.status);
  useEffect(() => {
    if (isGenerationActive(previousStatus.current) && !isGenerationActive(generation.status)) {
      void invalidateAfterCharge(queryClient, generation.projectId);
    }
    previousStatus.current = generation.status;
  }, [generation.status, generation.projectId, queryClient]);

  const overall =
    outputs.length > 0
      ? Math.round(
          (100 * outputs.reduce((sum, output) => sum + (output.status === "completed" ? 1 : output.progress), 0)) /
            outputs.length,
        )
      : 0;

  return (
    <li className={styles.card} data-testid="generation-card">
      <div className={styles.cardHead}>
        <div className={styles.cardTitle}>
          <StatusBadge status={generation.status} />
          <h3>{t("videoMixer.generations.title", { count: generation.count })}</h3>
          <span className="muted small">
            <time dateTime={generation.createdAt}>{formatDateTime(generation.createdAt, language)}</time>
          </span>
        </div>
        <div className="row">
          <span className={styles.cost}>
            {formatNumber(generation.cost, language)} {t("credits.unit", { count: generation.cost })}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => setExpanded((current) => !current)}
          >
            {expanded ? <ChevronUp size={16} aria-hidden="true" /> : <ChevronDown size={16} aria-hidden="true" />}
            {expanded ? t("videoMixer.generations.hide") : t("videoMixer.generations.show")}
          </button>
        </div>
      </div>

      <p className={styles.settingsLine}>{settingsSummary(generation.settings, t)}</p>

      {active && outputs.length > 0 && (
        <div className={styles.overall}>
          <progress max={100} value={overall} aria-label={t("videoMixer.generations.progressLabel")} />
          <span className="muted small" aria-live="polite">
            {t("videoMixer.generations.progress", { done, total: generation.count })}
          </span>
        </div>
      )}
      {generation.status === "queued" && outputs.length === 0 && (
        <p className="muted small" aria-live="polite">
          {t("videoMixer.generations.queued")}
        </p>
      )}
      {generation.error && <p className={styles.generationError}>{generation.error}</p>}

      <div id={bodyId} hidden={!expanded}>
        {detail.isError && <ErrorNotice error={detail.error} compact onRetry={() => void detail.refetch()} />}
        {outputs.length > 0 && (
          <ul className={styles.outputs} aria-label={t("videoMixer.outputs.listLabel")}>
            {outputs.map((output) => (
              <OutputTile
                key={output.index}
                generationId={generation.id}
                output={output}
                aspectRatio={generation.settings.aspectRatio}
              />
            ))}
          </ul>
        )}
        <div className={styles.cardActions}>
          {done > 0 && !active && (
            <a className="btn btn-primary btn-sm" href={zipUrl(generation.id)} download>
              <FileArchive size={16} aria-hidden="true" />
              {t("videoMixer.generations.downloadZip")}
            </a>
          )}
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => onUseSettings(generation.settings)}>
            <RotateCcw size={16} aria-hidden="true" />
            {t("videoMixer.generations.useSettings")}
          </button>
        </div>
      </div>
    </li>
  );
}

function settingsSummary(settings: MixSettings, t: TFunction): string {
  const parts = [
    settings.aspectRatio,
    settings.resolution === "4k" ? "4K" : settings.resolution,
    `${settings.fps} fps`,
    settings.duration.mode === "fixed"
      ? t("videoMixer.generations.fixedDuration", { seconds: settings.duration.seconds })
      : t("videoMixer.settings.durationOriginal"),
    t(`videoMixer.settings.groupMixingOption.${settings.groupMixing}`),
  ];
  if (settings.audio === "mute") parts.push(t("videoMixer.settings.audioMute"));
  return parts.join(" · ");
}
