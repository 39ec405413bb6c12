import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { useCreateGroup } from "../mutations";
import styles from "./GroupBoard.module.css";
import { GROUP_NAME_MAX } from "./GroupHeader";

export function AddGroupForm({ projectId, groupCount }: { projectId: string; groupCount: number }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const create = useCreateGroup(projectId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty name gets a numbered default so that adding a group is one click.
    const value = name.trim() || t("videoMixer.groups.defaultName", { number: groupCount + 1 });
    create.mutate(value, { onSuccess: () => setName("") });
  };

  return (
    <form className={styles.addGroup} onSubmit={submit}>
      <label htmlFor="new-group-name" className="sr-only">
        {t("videoMixer.groups.newName")}
      </label>
      <input
        id="new-group-name"
        className="input input-sm"
        placeholder={t("videoMixer.groups.defaultName", { number: groupCount + 1 })}
        value={name}
        maxLength={GROUP_NAME_MAX}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="btn btn-secondary btn-sm" disabled={create.isPending}>
        <Plus size={16} aria-hidden="true" />
        {t("videoMixer.groups.add")}
      </button>
      {create.isError && <ErrorNotice error={create.error} compact />}
    </form>
  );
}
