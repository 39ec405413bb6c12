import { Link } from "@tanstack/react-router";
import { ArrowRight } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import styles from "./AppCard.module.css";
import { AppIcon, appRoute } from "./app-icons";
import type { AppSummary } from "./types";

/** Renders one app on the dashboard. Apps that cannot be opened yet are shown but not linked. */
export function AppCard({ app }: { app: AppSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const route = appRoute(app.id);
  const openable = app.canOpen && route !== null;
  const name = t(`apps.${app.id}.name`, { defaultValue: app.name });
  const description = t(`apps.${app.id}.description`, { defaultValue: app.description });
  const unit = t(`units.${app.pricing.unit}`, { defaultValue: app.pricing.unit, count: app.pricing.from });

  const body = (
    <>
      <div className={styles.top}>
        <span className={styles.icon}>
          <AppIcon name={app.icon} />
        </span>
        {app.status === "beta" && <span className="badge badge-primary">{t("dashboard.badge.beta")}</span>}
        {app.status === "coming-soon" && (
          <span className={`badge ${styles.soon}`}>{t("dashboard.badge.comingSoon")}</span>
        )}
      </div>
      <h3 className={styles.name}>{name}</h3>
      <p className={styles.description}>{description}</p>
      <div className={styles.footer}>
        <span className={styles.price}>
          {t("dashboard.priceFrom", {
            amount: formatNumber(app.pricing.from, language),
            unit,
            count: app.pricing.from,
          })}
        </span>
        {openable && (
          <span className={styles.open}>
            {t("dashboard.open")}
            <ArrowRight size={16} aria-hidden="true" />
          </span>
        )}
      </div>
    </>
  );

  if (openable && route) {
    return (
      <Link to={route} className={`${styles.card} ${styles.link}`} data-testid={`app-card-${app.id}`}>
        {body}
      </Link>
    );
  }
  return (
    <div className={`${styles.card} ${styles.disabled}`} aria-disabled="true" data-testid={`app-card-${app.id}`}>
      {body}
    </div>
  );
}
