import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PasswordField } from "../../components/PasswordField";
import { PasswordRules } from "./PasswordRules";
import { isEmailValid, isPasswordLengthValid } from "./password-rules";
import { meQueryKey, register } from "./queries";

interface FieldErrors {
  name?: string;
  email?: string;
  password?: string;
}

export function SignupForm() {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: register,
    onSuccess: async () => {
      queryClient.clear();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      router.history.push("/");
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!name.trim()) next.name = t("auth.nameRequired");
    if (name.trim().length > 100) next.name = t("auth.nameTooLong");
    if (!isEmailValid(email)) next.email = t("auth.emailInvalid");
    if (!isPasswordLengthValid(password)) next.password = t("auth.passwordInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    mutation.mutate({ name: name.trim(), email: email.trim(), password });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("auth.signup.title")}>
      {mutation.isError && <ErrorNotice error={mutation.error} context="signup" />}

      <div className="field">
        <label className="label" htmlFor="signup-name">
          {t("auth.name")}
        </label>
        <input
          id="signup-name"
          name="name"
          className="input"
          autoComplete="name"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          required
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "signup-name-error" : undefined}
        />
        {errors.name && (
          <p id="signup-name-error" className="field-error">
            {errors.name}
          </p>
        )}
      </div>

      <div className="field">
        <label className="label" htmlFor="signup-email">
          {t("auth.email")}
        </label>
        <input
          id="signup-email"
          name="email"
          className="input"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "signup-email-error" : undefined}
        />
        {errors.email && (
          <p id="signup-email-error" className="field-error">
            {errors.email}
          </p>
        )}
      </div>

      <PasswordField
        label={t("auth.password")}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        error={errors.password}
        hint={<PasswordRules password={password} />}
      />

      <button type="submit" className="btn btn-primary btn-lg btn-block" disabled={mutation.isPending}>
        {mutation.isPending ? t("auth.signup.submitting") : t("auth.signup.submit")}
      </button>

      <p className="muted small">
        {t("auth.signup.haveAccount")} <Link to="/login">{t("auth.signup.toLogin")}</Link>
      </p>
    </form>
  );
}
