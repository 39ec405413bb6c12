import { createFileRoute, Link, Outlet, redirect } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import "../../features/admin/i18n";
import styles from "../../features/admin/Admin.module.css";
import { meQueryOptions } from "../../features/auth/queries";

/**
 * Layout of the admin pages. The API checks the role on every admin route. This check only
 * keeps other users from an admin screen whose every request would fail.
 */
export const Route = createFileRoute("/_app/admin")({
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me.role !== "admin") throw redirect({ to: "/" });
  },
  component: AdminLayout,
});

function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="container page">
      <div className="page-header">
        <h1>{t("admin.title")}</h1>
      </div>
      <nav className={styles.tabs} aria-label={t("admin.navLabel")}>
        <Link to="/admin/payments" className={styles.tab} activeProps={{ className: styles.activeTab }}>
          {t("admin.nav.payments")}
        </Link>
        <Link to="/admin/users" className={styles.tab} activeProps={{ className: styles.activeTab }}>
          {t("admin.nav.users")}
        </Link>
      </nav>
      <Outlet />
    </div>
  );
}
