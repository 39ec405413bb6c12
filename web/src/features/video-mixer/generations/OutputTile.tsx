import { Download } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../../i18n";
import { formatBytes, formatDuration } from "../../../lib/format";
import { outputUrl, thumbnailUrl } from "../queries";
import type { AspectRatio, GenerationOutput } from "../types";
import styles from "./Generations.module.css";
import { StatusBadge } from "./StatusBadge";

interface Props {
  generationId: string;
  output: GenerationOutput;
  aspectRatio: AspectRatio;
}

/** Shows one variant: its progress while rendering, then a preview with a download link. */
export function OutputTile({ generationId, output, aspectRatio }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = output.index + 1;
  const label = t("videoMixer.outputs.variant", { number });

  if (output.status === "completed") {
    const src = outputUrl(generationId, output.index);
    return (
      <li className={styles.output} data-testid="output-tile">
        {/* biome-ignore lint/a11y/useMediaCaption: mixes of the user's own clips have no caption track to offer. */}
        <video
          className={styles.video}
          data-ratio={aspectRatio}
          controls
          preload="metadata"
          poster={thumbnailUrl(generationId, output.index)}
          src={src}
          aria-label={label}
        />
        <div className={styles.outputMeta}>
          <span className={styles.outputName}>{label}</span>
          <span className="muted small">
            {[
              output.durationSeconds !== null ? formatDuration(output.durationSeconds) : null,
              output.sizeBytes !== null ? formatBytes(output.sizeBytes, language) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </div>
        <a
          className="btn btn-secondary btn-sm"
          href={src}
          download={`lumiku-${generationId.slice(0, 8)}-${number}.mp4`}
          aria-label={t("videoMixer.outputs.download", { number })}
        >
          <Download size={16} aria-hidden="true" />
          {t("videoMixer.outputs.downloadShort")}
        </a>
      </li>
    );
  }

  const progress = Math.max(0, Math.min(100, Math.round(output.progress * 100)));
  return (
    <li className={styles.output} data-testid="output-tile">
      <div className={styles.placeholder} data-ratio={aspectRatio}>
        <StatusBadge status={output.status} />
        {output.status === "failed" ? (
          <p className={styles.outputError}>
            {t("videoMixer.outputs.failed")}
            {output.error ? <span className={styles.detail}>{output.error}</span> : null}
          </p>
        ) : (
          <>
            <progress
              max={100}
              value={output.status === "queued" ? undefined : progress}
              aria-label={t("videoMixer.outputs.progressLabel", { number })}
            />
            <span className="muted small">{output.status === "queued" ? "" : `${progress}%`}</span>
          </>
        )}
      </div>
      <div className={styles.outputMeta}>
        <span className={styles.outputName}>{label}</span>
      </div>
    </li>
  );
}
