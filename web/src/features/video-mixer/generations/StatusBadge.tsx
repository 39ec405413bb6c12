import { useTranslation } from "react-i18next";

const TONE: Record<string, string> = {
  queued: "badge",
  processing: "badge badge-primary",
  completed: "badge badge-success",
  partial: "badge badge-warning",
  failed: "badge badge-danger",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={TONE[status] ?? "badge"} data-testid="generation-status">
      {t(`videoMixer.status.${status}`, { defaultValue: status })}
    </span>
  );
}
