import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import styles from "./Admin.module.css";
import "./i18n";
import { adjustCredits, adminQueryKey } from "./queries";

const MAX_AMOUNT = 1_000_000;
const MIN_REASON = 5;

/**
 * Adds or removes credits with a required reason. One idempotency key per submitted adjustment,
 * so a double click or a retry after a network error is applied once.
 */
export function AdjustmentForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const ids = { amount: useId(), reason: useId(), amountError: useId(), reasonError: useId(), reasonHint: useId() };
  const [direction, setDirection] = useState<"add" | "remove">("add");
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [submitted, setSubmitted] = useState(false);

  // Editing the draft makes it another adjustment, so it gets its own key; resending an
  // unchanged draft (after a network error) keeps the key and is applied once.
  const edited = () => setIdempotencyKey(crypto.randomUUID());

  const amount = Number(amountText);
  const amountValid = /^\d+$/.test(amountText.trim()) && amount >= 1 && amount <= MAX_AMOUNT;
  const reasonValid = reason.trim().length >= MIN_REASON;

  const save = useMutation({
    mutationFn: () =>
      adjustCredits(userId, { amount: direction === "add" ? amount : -amount, reason: reason.trim(), idempotencyKey }),
    onSuccess: async () => {
      setAmountText("");
      setReason("");
      setSubmitted(false);
      setIdempotencyKey(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: [...adminQueryKey, "user", userId] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!amountValid || !reasonValid || save.isPending) return;
    save.mutate();
  };

  return (
    <section className="card" aria-labelledby="adjust-title">
      <h2 id="adjust-title" className="card-title">
        {t("admin.adjust.title")}
      </h2>
      <p className="muted small">{t("admin.adjust.hint")}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className={styles.directions}>
          <legend className="sr-only">{t("admin.adjust.direction")}</legend>
          <label className="row">
            <input
              type="radio"
              name="direction"
              checked={direction === "add"}
              onChange={() => {
                setDirection("add");
                edited();
              }}
            />
            {t("admin.adjust.add")}
          </label>
          <label className="row">
            <input
              type="radio"
              name="direction"
              checked={direction === "remove"}
              onChange={() => {
                setDirection("remove");
                edited();
              }}
            />
            {t("admin.adjust.remove")}
          </label>
        </fieldset>

        <div className="field">
          <label className="label" htmlFor={ids.amount}>
            {t("admin.adjust.amount")}
          </label>
          <input
            id={ids.amount}
            className="input"
            inputMode="numeric"
            value={amountText}
            onChange={(event) => {
              setAmountText(event.target.value);
              edited();
            }}
            aria-invalid={submitted && !amountValid}
            aria-describedby={submitted && !amountValid ? ids.amountError : undefined}
            required
          />
          {submitted && !amountValid && (
            <span id={ids.amountError} className="field-error">
              {t("admin.adjust.amountInvalid")}
            </span>
          )}
        </div>

        <div className="field">
          <label className="label" htmlFor={ids.reason}>
            {t("admin.adjust.reason")}
          </label>
          <textarea
            id={ids.reason}
            className="textarea"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              edited();
            }}
            aria-invalid={submitted && !reasonValid}
            aria-describedby={submitted && !reasonValid ? ids.reasonError : ids.reasonHint}
            required
          />
          {submitted && !reasonValid ? (
            <span id={ids.reasonError} className="field-error">
              {t("admin.adjust.reasonInvalid")}
            </span>
          ) : (
            <span id={ids.reasonHint} className="hint">
              {t("admin.adjust.reasonHint")}
            </span>
          )}
        </div>

        {save.isError && <ErrorNotice error={save.error} context="adminAdjust" />}
        {save.isSuccess && (
          <p role="status" className="small">
            {t("admin.adjust.done", { balance: formatNumber(save.data.balance, language) })}
          </p>
        )}

        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t("admin.adjust.saving") : t("admin.adjust.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
