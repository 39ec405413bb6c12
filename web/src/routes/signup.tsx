import { createFileRoute, redirect } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AuthLayout } from "../features/auth/AuthLayout";
import { redirectIfSignedIn } from "../features/auth/guards";
import { SignupForm } from "../features/auth/SignupForm";

export const Route = createFileRoute("/signup")({
  beforeLoad: async ({ context }) => {
    if (await redirectIfSignedIn(context.queryClient)) throw redirect({ to: "/" });
  },
  component: SignupPage,
});

function SignupPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t("auth.signup.title")} subtitle={t("auth.signup.subtitle")}>
      <SignupForm />
    </AuthLayout>
  );
}
