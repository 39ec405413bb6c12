import { useTranslation } from "react-i18next";
import { changeLanguage, LANGUAGES, useLanguage } from "../i18n";
import styles from "./LanguageSwitch.module.css";

/** Renders a two-button switch between Indonesian and English. The choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = useLanguage();

  return (
    <fieldset className={styles.switch}>
      <legend className="sr-only">{t("language.label")}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className={language === active ? `${styles.option} ${styles.active}` : styles.option}
          aria-pressed={language === active}
          lang={language}
          title={t(`language.${language}`)}
          onClick={() => void changeLanguage(language)}
        >
          <span aria-hidden="true">{language.toUpperCase()}</span>
          <span className="sr-only">{t(`language.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
