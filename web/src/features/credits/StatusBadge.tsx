import { useTranslation } from "react-i18next";
import "./i18n";
import type { OrderStatus } from "./types";

const TONE: Record<OrderStatus, string> = {
  pending: "badge badge-warning",
  paid: "badge badge-success",
  failed: "badge badge-danger",
  expired: "badge",
};

export function PaymentStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <span className={TONE[status]}>{t(`payments.status.${status}`)}</span>;
}
