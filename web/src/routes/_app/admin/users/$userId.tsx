import { createFileRoute } from "@tanstack/react-router";
import { UserDetail } from "../../../../features/admin/UserDetail";

export const Route = createFileRoute("/_app/admin/users/$userId")({
  component: AdminUserPage,
});

function AdminUserPage() {
  const { userId } = Route.useParams();
  return <UserDetail userId={userId} />;
}
