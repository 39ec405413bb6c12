import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import type { ProjectInput } from "../mutations";

export const PROJECT_NAME_MAX = 100;
export const PROJECT_DESCRIPTION_MAX = 500;

interface Props {
  initial?: ProjectInput;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ProjectInput) => void;
  onCancel: () => void;
}

/** Name and description of a project, used to create one and to edit one. */
export function ProjectForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("videoMixer.projects.nameRequired"));
      return;
    }
    setNameError(null);
    onSubmit({ name: name.trim(), description: description.trim() });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="field">
        <label className="label" htmlFor={`${id}-name`}>
          {t("videoMixer.projects.name")}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={PROJECT_NAME_MAX}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          required
          // biome-ignore lint/a11y/noAutofocus: the form opens on request, so focus belongs in its first field.
          autoFocus
        />
        {nameError && (
          <p id={`${id}-name-error`} className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label className="label" htmlFor={`${id}-description`}>
          {t("videoMixer.projects.description")} <span className="muted small">({t("common.optional")})</span>
        </label>
        <textarea
          id={`${id}-description`}
          className="textarea"
          value={description}
          maxLength={PROJECT_DESCRIPTION_MAX}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={pending}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
