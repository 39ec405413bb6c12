import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PasswordField } from "../../components/PasswordField";
import { PasswordRules } from "../auth/PasswordRules";
import { isPasswordLengthValid } from "../auth/password-rules";
import styles from "./Account.module.css";
import { changePassword, sessionsQueryKey } from "./queries";

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
}

/** A 403 from the password endpoint means the current password was wrong; it belongs under that field. */
function isWrongCurrentPassword(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** Changes the password with the same rules as sign-up. The API signs out every other session. */
export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      setCurrentPassword("");
      setNewPassword("");
      await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
    onError: (error) => {
      if (isWrongCurrentPassword(error)) setErrors({ currentPassword: t("account.password.currentWrong") });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!currentPassword) next.currentPassword = t("account.password.currentRequired");
    if (!isPasswordLengthValid(newPassword)) next.newPassword = t("auth.passwordInvalid");
    else if (newPassword === currentPassword) next.newPassword = t("account.password.sameAsCurrent");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    mutation.mutate({ currentPassword, newPassword });
  };

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        {t("account.password.title")}
      </h2>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted small">{t("account.password.hint")}</p>
        {mutation.isError && !isWrongCurrentPassword(mutation.error) && (
          <ErrorNotice error={mutation.error} context="password" />
        )}

        <PasswordField
          label={t("account.password.current")}
          name="currentPassword"
          value={currentPassword}
          onChange={setCurrentPassword}
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <PasswordField
          label={t("account.password.new")}
          name="newPassword"
          value={newPassword}
          onChange={setNewPassword}
          autoComplete="new-password"
          error={errors.newPassword}
          hint={<PasswordRules password={newPassword} />}
        />

        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t("account.password.submitting") : t("account.password.submit")}
          </button>
          <p role="status" className={styles.status}>
            {mutation.isSuccess ? t("account.password.changed") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
