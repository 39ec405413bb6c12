import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import "../features/admin/i18n";
import type { Me } from "../features/auth/types";
import styles from "./AppHeader.module.css";
import { BalancePill } from "./BalancePill";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";
import { UserMenu } from "./UserMenu";

export function AppHeader({ user }: { user: Me }) {
  const { t } = useTranslation();

  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link to="/" className={styles.home} aria-label={t("header.home")}>
          <Logo />
        </Link>
        <nav className={styles.nav} aria-label={t("header.navigation")}>
          <Link
            to="/"
            className={styles.navLink}
            activeProps={{ className: styles.active }}
            activeOptions={{ exact: true }}
          >
            {t("header.dashboard")}
          </Link>
          <Link to="/apps/video-mixer" className={styles.navLink} activeProps={{ className: styles.active }}>
            {t("apps.video-mixer.name")}
          </Link>
          <Link to="/credits" className={styles.navLink} activeProps={{ className: styles.active }}>
            {t("credits.title")}
          </Link>
          {user.role === "admin" && (
            <Link to="/admin" className={styles.navLink} activeProps={{ className: styles.active }}>
              {t("admin.title")}
            </Link>
          )}
        </nav>
        <div className={styles.actions}>
          <BalancePill fallback={user.balance} />
          <LanguageSwitch />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
