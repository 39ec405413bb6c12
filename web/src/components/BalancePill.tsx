import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Coins } from "lucide-react";
import { useTranslation } from "react-i18next";
import { balanceQueryOptions } from "../features/credits/queries";
import { useLanguage } from "../i18n";
import { formatNumber } from "../lib/format";
import styles from "./BalancePill.module.css";

/** Shows the credit balance in the header as a link to the credit history. */
export function BalancePill({ fallback }: { fallback: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data: balance = fallback } = useQuery(balanceQueryOptions());

  return (
    <Link to="/credits" className={styles.pill} aria-label={t("header.balanceLabel", { count: balance })}>
      <Coins size={16} aria-hidden="true" />
      <span data-testid="header-balance">{formatNumber(balance, language)}</span>
      <span className={styles.unit} aria-hidden="true">
        {t("credits.unit", { count: balance })}
      </span>
    </Link>
  );
}
