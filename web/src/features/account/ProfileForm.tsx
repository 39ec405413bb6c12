import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { meQueryKey } from "../auth/queries";
import type { Me } from "../auth/types";
import styles from "./Account.module.css";
import { updateProfile } from "./queries";

const NAME_MAX_LENGTH = 100;

/** Edits the display name. The email is shown read-only because the API has no way to change it. */
export function ProfileForm({ user }: { user: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [nameError, setNameError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => {
      // Only the name changed, so the cached user is patched instead of refetched with its balance.
      queryClient.setQueryData<Me>(meQueryKey, (current) => (current ? { ...current, name: updated.name } : current));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const error = !trimmed ? t("auth.nameRequired") : trimmed.length > NAME_MAX_LENGTH ? t("auth.nameTooLong") : null;
    setNameError(error);
    if (error) return;
    mutation.mutate({ name: trimmed });
  };

  const unchanged = name.trim() === user.name;

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title" className="card-title">
        {t("account.profile.title")}
      </h2>
      <form className="stack" onSubmit={submit} noValidate>
        {mutation.isError && <ErrorNotice error={mutation.error} />}

        <div className="field">
          <label className="label" htmlFor="profile-name">
            {t("auth.name")}
          </label>
          <input
            id="profile-name"
            name="name"
            className="input"
            autoComplete="name"
            value={name}
            maxLength={NAME_MAX_LENGTH}
            onChange={(event) => {
              setName(event.target.value);
              mutation.reset();
            }}
            required
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "profile-name-error" : undefined}
          />
          {nameError && (
            <p id="profile-name-error" className="field-error">
              {nameError}
            </p>
          )}
        </div>

        <div className="field">
          <span className="label">{t("auth.email")}</span>
          <span className={styles.readonly}>{user.email}</span>
        </div>

        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending || unchanged}>
            {mutation.isPending ? t("account.saving") : t("common.save")}
          </button>
          <p role="status" className={styles.status}>
            {mutation.isSuccess ? t("account.profile.saved") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
