import { createFileRoute } from "@tanstack/react-router";
import { UsersPanel } from "../../../../features/admin/UsersPanel";

export const Route = createFileRoute("/_app/admin/users/")({
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({
    q: typeof search.q === "string" && search.q.length <= 100 ? search.q : undefined,
  }),
  component: AdminUsersPage,
});

function AdminUsersPage() {
  const { q } = Route.useSearch();
  const navigate = Route.useNavigate();
  return <UsersPanel q={q ?? ""} onSearch={(next) => void navigate({ search: { q: next || undefined } })} />;
}
