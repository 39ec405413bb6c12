import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import styles from "./LedgerList.module.css";
import type { LedgerEntry } from "./types";

// Kinds whose description is written for the user (the package or plan name). Other kinds keep
// internal text there, such as an admin's reason for an adjustment.
const DESCRIBED_KINDS = new Set<LedgerEntry["kind"]>(["topup", "plan", "refund"]);

/** Credit ledger rows: what happened, when, the change and the balance after it. */
export function LedgerList({ entries, showBalance = true }: { entries: LedgerEntry[]; showBalance?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();

  return (
    <ul className={styles.list}>
      {entries.map((entry) => {
        return (
          <li key={entry.seq} className={styles.row}>
            <div className={styles.what}>
              <span className={styles.kind}>{t(`credits.kind.${entry.kind}`, { defaultValue: entry.kind })}</span>
              {entry.description && DESCRIBED_KINDS.has(entry.kind) && (
                <span className="small">{entry.description}</span>
              )}
              <span className="muted small">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, language)}</time>
              </span>
            </div>
            <div className={styles.numbers}>
              <span className={amountClass(entry.amount)}>
                {amountSign(entry.amount)}
                {formatNumber(Math.abs(entry.amount), language)}
              </span>
              {showBalance && (
                <span className="muted small">
                  {t("credits.balanceAfter", { amount: formatNumber(entry.balanceAfter, language) })}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function amountSign(amount: number): string {
  if (amount > 0) return "+";
  if (amount < 0) return "−";
  return "";
}

// A zero row (a capture of credits already reserved) is shown muted, neither gained nor spent.
function amountClass(amount: number): string | undefined {
  if (amount > 0) return styles.credit;
  if (amount < 0) return styles.debit;
  return styles.zero;
}
