import { AlertCircle } from "lucide-react";
import { useTranslation } from "react-i18next";
import styles from "./ErrorNotice.module.css";
import { describeError } from "./error-message";

interface Props {
  error: unknown;
  /** Screen-specific messages under `errors.<context>.<code>`. */
  context?: string;
  /** Shows a retry button that calls this. */
  onRetry?: () => void;
  compact?: boolean;
  /** Shown in place of the translated message, for errors a feature translates from their `details`. */
  message?: string;
}

/** Shows a translated error with the request id in small print so that support can find the logs. */
export function ErrorNotice({ error, context, onRetry, compact = false, message }: Props) {
  const { t } = useTranslation();
  const described = describeError(error, t, context);

  return (
    <div className={compact ? `${styles.notice} ${styles.compact}` : styles.notice} role="alert">
      <AlertCircle className={styles.icon} aria-hidden="true" size={18} />
      <div className={styles.body}>
        <p>{message ?? described.message}</p>
        {described.fieldIssues.length > 0 && (
          <ul className={styles.fields}>
            {described.fieldIssues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path ? <strong>{issue.path}: </strong> : null}
                {issue.message}
              </li>
            ))}
          </ul>
        )}
        {described.requestId && (
          <p className={styles.requestId}>{t("errors.requestId", { id: described.requestId })}</p>
        )}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
