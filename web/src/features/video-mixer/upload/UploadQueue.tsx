import { CheckCircle2, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../../components/error-message";
import { useLanguage } from "../../../i18n";
import { formatBytes } from "../../../lib/format";
import type { UploadItem } from "../use-clip-uploads";
import styles from "./UploadQueue.module.css";

interface Props {
  items: UploadItem[];
  onCancel: (id: string) => void;
  onClearFinished: () => void;
}

function percent(item: UploadItem): number {
  return item.total > 0 ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
}

/** Lists every file being uploaded, each with its own progress bar and cancel button. */
export function UploadQueue({ items, onCancel, onClearFinished }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.length === 0) return null;

  const active = items.filter((item) => ["queued", "uploading", "processing"].includes(item.status)).length;
  const finished = items.length - active;

  return (
    <section className={styles.queue} aria-labelledby="upload-queue-title">
      <div className={styles.head}>
        <h3 id="upload-queue-title">{t("videoMixer.upload.queueTitle")}</h3>
        <p className="sr-only" aria-live="polite">
          {t("videoMixer.upload.activeCount", { count: active })}
        </p>
        {finished > 0 && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClearFinished}>
            {t("videoMixer.upload.clearFinished")}
          </button>
        )}
      </div>
      <ul className={styles.list}>
        {items.map((item) => {
          const running = item.status === "queued" || item.status === "uploading" || item.status === "processing";
          const progressId = `upload-${item.id}-progress`;
          return (
            <li key={item.id} className={styles.item} data-testid="upload-item">
              <div className={styles.row}>
                <span className={styles.name} title={item.file.name} id={`${progressId}-label`}>
                  {item.file.name}
                </span>
                <span className="muted small">{formatBytes(item.file.size, language)}</span>
                {(item.status === "queued" || item.status === "uploading") && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon"
                    onClick={() => onCancel(item.id)}
                    aria-label={t("videoMixer.upload.cancel", { name: item.file.name })}
                  >
                    <X size={16} aria-hidden="true" />
                  </button>
                )}
                {item.status === "done" && <CheckCircle2 size={18} className={styles.done} aria-hidden="true" />}
              </div>
              {running && (
                <progress
                  id={progressId}
                  max={100}
                  value={item.status === "processing" ? undefined : percent(item)}
                  aria-labelledby={`${progressId}-label`}
                />
              )}
              <p className={styles.status}>
                <UploadStatusText item={item} percentDone={percent(item)} />
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function UploadStatusText({ item, percentDone }: { item: UploadItem; percentDone: number }) {
  const { t } = useTranslation();
  switch (item.status) {
    case "queued":
      return <>{t("videoMixer.upload.status.queued")}</>;
    case "uploading":
      return <>{t("videoMixer.upload.status.uploading", { percent: percentDone })}</>;
    case "processing":
      return <>{t("videoMixer.upload.status.processing")}</>;
    case "done":
      return <span className={styles.done}>{t("videoMixer.upload.status.done")}</span>;
    case "canceled":
      return <>{t("videoMixer.upload.status.canceled")}</>;
    case "failed":
      return (
        <span className={styles.failed} role="alert">
          {item.problem
            ? t(`videoMixer.upload.problem.${item.problem}`)
            : describeError(item.error, t, "upload").message}
        </span>
      );
  }
}
