import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import styles from "../../features/account/Account.module.css";
import { PasswordForm } from "../../features/account/PasswordForm";
import { ProfileForm } from "../../features/account/ProfileForm";
import { sessionsQueryOptions } from "../../features/account/queries";
import { SessionList } from "../../features/account/SessionList";
import { meQueryOptions } from "../../features/auth/queries";

export const Route = createFileRoute("/_app/account")({
  loader: ({ context }) => context.queryClient.prefetchQuery(sessionsQueryOptions()),
  component: AccountPage,
});

function AccountPage() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());

  return (
    <div className="container page">
      <div className="page-header">
        <div>
          <h1>{t("account.title")}</h1>
          <p>{t("account.subtitle")}</p>
        </div>
      </div>
      <div className={styles.layout}>
        <div className="stack">
          <ProfileForm user={user} />
          <PasswordForm />
        </div>
        <SessionList />
      </div>
    </div>
  );
}
