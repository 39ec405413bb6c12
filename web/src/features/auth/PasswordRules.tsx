import { Check, Circle } from "lucide-react";
import { useTranslation } from "react-i18next";
import styles from "./PasswordRules.module.css";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "./password-rules";

/** Lists the password length rules with a check mark on each one the typed password meets. */
export function PasswordRules({ password }: { password: string }) {
  const { t } = useTranslation();
  const length = passwordLength(password);
  const rules = [
    { met: length >= PASSWORD_MIN_LENGTH, label: t("auth.rules.min", { count: PASSWORD_MIN_LENGTH }) },
    { met: length > 0 && length <= PASSWORD_MAX_LENGTH, label: t("auth.rules.max", { count: PASSWORD_MAX_LENGTH }) },
  ];

  return (
    <ul className={styles.rules} aria-label={t("auth.rules.title")}>
      {rules.map((rule) => (
        <li key={rule.label} className={rule.met ? styles.met : undefined}>
          {rule.met ? <Check size={14} aria-hidden="true" /> : <Circle size={14} aria-hidden="true" />}
          {rule.label}
          <span className="sr-only">{rule.met ? t("auth.rules.met") : t("auth.rules.unmet")}</span>
        </li>
      ))}
    </ul>
  );
}
