import { AlertTriangle } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../../i18n";
import { formatDuration, formatNumber } from "../../../lib/format";
import type { Estimate } from "../types";
import styles from "./GeneratePanel.module.css";
import { problemText } from "./problem-text";

/** Shows the live estimate: variants, prices, predicted length, balance afterwards and what blocks generating. */
export function EstimateSummary({ estimate, stale }: { estimate: Estimate; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const balanceAfter = estimate.balance - estimate.totalCost;
  const credits = (amount: number) => `${formatNumber(amount, language)} ${t("credits.unit", { count: amount })}`;

  const rows: { key: string; label: string; value: string; strong?: boolean; negative?: boolean }[] = [
    {
      key: "distinct",
      label: t("videoMixer.estimate.distinctVariants"),
      value: `${formatNumber(estimate.distinctVariants, language)}${estimate.distinctVariantsCapped ? "+" : ""}`,
    },
    { key: "price", label: t("videoMixer.estimate.pricePerVariant"), value: credits(estimate.pricePerVariant) },
    {
      key: "duration",
      label: t("videoMixer.estimate.predictedDuration"),
      // Speed variation and group picks make variants differ in length; show the span then.
      value:
        estimate.predictedDurationRange.max - estimate.predictedDurationRange.min >= 0.5
          ? `${formatDuration(estimate.predictedDurationRange.min)}–${formatDuration(estimate.predictedDurationRange.max)}`
          : formatDuration(estimate.predictedDurationSeconds),
    },
    { key: "balance", label: t("videoMixer.estimate.balance"), value: credits(estimate.balance) },
    { key: "total", label: t("videoMixer.estimate.totalCost"), value: credits(estimate.totalCost), strong: true },
    {
      key: "after",
      label: t("videoMixer.estimate.balanceAfter"),
      value: credits(balanceAfter),
      negative: balanceAfter < 0,
    },
  ];

  return (
    <div className={stale ? `${styles.estimate} ${styles.stale}` : styles.estimate} data-testid="estimate">
      <dl className={styles.rows}>
        {rows.map((row) => (
          <div
            key={row.key}
            className={[styles.row, row.strong ? styles.strong : "", row.negative ? styles.negative : ""].join(" ")}
            data-testid={`estimate-${row.key}`}
          >
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {estimate.problems.length > 0 && (
        <ul className={styles.problems} aria-label={t("videoMixer.estimate.problemsLabel")}>
          {estimate.problems.map((problem) => (
            <li key={`${problem.code}:${problem.message}`} data-problem={problem.code}>
              <AlertTriangle size={16} aria-hidden="true" />
              {problemText(problem, t)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
