import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PasswordField } from "../../components/PasswordField";
import { isEmailValid } from "./password-rules";
import { login, meQueryKey } from "./queries";

export function LoginForm({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Drop anything cached for a previous user before the new session loads its own data.
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      router.history.push(redirectTo);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const emailProblem = isEmailValid(email) ? null : t("auth.emailInvalid");
    setEmailError(emailProblem);
    if (emailProblem || !password) return;
    mutation.mutate({ email: email.trim(), password });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("auth.login.title")}>
      {mutation.isError && <ErrorNotice error={mutation.error} context="login" />}

      <div className="field">
        <label className="label" htmlFor="login-email">
          {t("auth.email")}
        </label>
        <input
          id="login-email"
          name="email"
          className="input"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "login-email-error" : undefined}
        />
        {emailError && (
          <p id="login-email-error" className="field-error">
            {emailError}
          </p>
        )}
      </div>

      <PasswordField
        label={t("auth.password")}
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
      />

      <button type="submit" className="btn btn-primary btn-lg btn-block" disabled={mutation.isPending}>
        {mutation.isPending ? t("auth.login.submitting") : t("auth.login.submit")}
      </button>

      <p className="muted small">
        {t("auth.login.noAccount")} <Link to="/signup">{t("auth.login.toSignup")}</Link>
      </p>
    </form>
  );
}
