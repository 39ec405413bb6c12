import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AppHeader } from "../components/AppHeader";
import { requireSignedIn } from "../features/auth/guards";
import { meQueryOptions } from "../features/auth/queries";

/** Layout for every signed-in page: the header and the main landmark. */
export const Route = createFileRoute("/_app")({
  beforeLoad: async ({ context, location }) => {
    await requireSignedIn(context.queryClient, location.href);
  },
  component: AppLayout,
});

function AppLayout() {
  const { t } = useTranslation();
  const { data: user } = useSuspenseQuery(meQueryOptions());

  return (
    <>
      <a href="#main" className="skip-link">
        {t("common.skipToContent")}
      </a>
      <AppHeader user={user} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
