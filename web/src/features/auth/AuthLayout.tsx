import { CheckCircle2 } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { Logo } from "../../components/Logo";
import styles from "./AuthLayout.module.css";

/** Two-column frame for sign-in and sign-up: product pitch on the left, the form on the right. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useTranslation();
  const points = [t("auth.pitch.point1"), t("auth.pitch.point2"), t("auth.pitch.point3")];

  return (
    <div className={styles.layout}>
      <aside className={styles.pitch}>
        <div className={styles.brand}>
          <Logo />
        </div>
        <div className={styles.pitchBody}>
          <h2>{t("auth.pitch.title")}</h2>
          <ul>
            {points.map((point) => (
              <li key={point}>
                <CheckCircle2 size={18} aria-hidden="true" />
                {point}
              </li>
            ))}
          </ul>
        </div>
      </aside>
      <main className={styles.main}>
        <div className={styles.topBar}>
          <span className={styles.mobileLogo}>
            <Logo />
          </span>
          <LanguageSwitch />
        </div>
        <div className={styles.formWrap}>
          <h1>{title}</h1>
          <p className={`muted ${styles.subtitle}`}>{subtitle}</p>
          {children}
        </div>
      </main>
    </div>
  );
}
