import { createFileRoute } from "@tanstack/react-router";
import { type PaymentFilters, PaymentsPanel } from "../../../features/admin/PaymentsPanel";
import type { OrderStatus } from "../../../features/credits/types";

const STATUSES = new Set<string>(["pending", "paid", "failed", "expired"]);

export const Route = createFileRoute("/_app/admin/payments")({
  validateSearch: (search: Record<string, unknown>): PaymentFilters => ({
    status:
      typeof search.status === "string" && STATUSES.has(search.status) ? (search.status as OrderStatus) : undefined,
    q: typeof search.q === "string" && search.q.length <= 100 ? search.q : undefined,
  }),
  component: AdminPaymentsPage,
});

function AdminPaymentsPage() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  return <PaymentsPanel filters={filters} onChange={(next) => void navigate({ search: next })} />;
}
