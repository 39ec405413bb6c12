import { useTranslation } from "react-i18next";

/** Renders a loading indicator. Screen readers read `label`, which is also shown when `showLabel` is set. */
export function Spinner({ label, showLabel = false }: { label?: string; showLabel?: boolean }) {
  const { t } = useTranslation();
  const text = label ?? t("common.loading");
  return (
    <span className="row muted" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className={showLabel ? undefined : "sr-only"}>{text}</span>
    </span>
  );
}

export function PageLoading() {
  return (
    <div className="container page">
      <Spinner showLabel />
    </div>
  );
}
