import { createFileRoute, redirect } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AuthLayout } from "../features/auth/AuthLayout";
import { redirectIfSignedIn } from "../features/auth/guards";
import { LoginForm } from "../features/auth/LoginForm";
import { safeRedirect } from "../features/auth/password-rules";

export const Route = createFileRoute("/login")({
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === "string" ? { redirect: safeRedirect(search.redirect) } : {},
  beforeLoad: async ({ context, search }) => {
    if (await redirectIfSignedIn(context.queryClient)) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: LoginPage,
});

function LoginPage() {
  const { t } = useTranslation();
  const { redirect: target } = Route.useSearch();
  return (
    <AuthLayout title={t("auth.login.title")} subtitle={t("auth.login.subtitle")}>
      <LoginForm redirectTo={safeRedirect(target)} />
    </AuthLayout>
  );
}
