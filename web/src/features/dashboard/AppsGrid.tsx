import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppCard } from "./AppCard";
import styles from "./AppsGrid.module.css";
import { appsQueryOptions } from "./queries";

export function AppsGrid() {
  const { t } = useTranslation();
  const { data: apps } = useSuspenseQuery(appsQueryOptions());

  return (
    <section aria-labelledby="apps-title">
      <h2 id="apps-title" className={styles.title}>
        {t("dashboard.appsTitle")}
      </h2>
      {apps.length === 0 ? (
        <p className="empty">{t("dashboard.noApps")}</p>
      ) : (
        <ul className={styles.grid}>
          {apps.map((app) => (
            <li key={app.id}>
              <AppCard app={app} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
