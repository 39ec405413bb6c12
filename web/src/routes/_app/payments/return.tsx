import { createFileRoute } from "@tanstack/react-router";
import { PaymentReturn } from "../../../features/credits/PaymentReturn";

interface ReturnSearch {
  merchantOrderId?: string;
  resultCode?: string;
}

function shortText(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.length > 0 && value.length <= max ? value : undefined;
}

export const Route = createFileRoute("/_app/payments/return")({
  // Duitku appends merchantOrderId, resultCode and reference. They are only hints: the page shows
  // the status the API reports, which Duitku's signed callback or a status check has set.
  validateSearch: (search: Record<string, unknown>): ReturnSearch => ({
    merchantOrderId: shortText(search.merchantOrderId, 64),
    resultCode: shortText(search.resultCode, 8),
  }),
  component: ReturnPage,
});

function ReturnPage() {
  const search = Route.useSearch();
  return <PaymentReturn merchantOrderId={search.merchantOrderId} resultCode={search.resultCode} />;
}
