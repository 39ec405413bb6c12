import { ArrowLeft, ArrowRight, Check, Pencil, Trash2, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Group } from "../types";
import styles from "./GroupColumn.module.css";

export const GROUP_NAME_MAX = 60;

interface Props {
  group: Group;
  clipCount: number;
  isFirst: boolean;
  isLast: boolean;
  busy: boolean;
  onRename: (name: string) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}

/** Title row of a group column: rename in place, move left or right, delete. */
export function GroupHeader({ group, clipCount, isFirst, isLast, busy, onRename, onMove, onDelete }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(group.name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed && trimmed !== group.name) onRename(trimmed);
    setEditing(false);
  };

  if (editing) {
    return (
      <form className={styles.header} onSubmit={submit}>
        <label htmlFor={`group-${group.id}-name`} className="sr-only">
          {t("videoMixer.groups.nameLabel")}
        </label>
        <input
          id={`group-${group.id}-name`}
          className="input input-sm"
          value={name}
          maxLength={GROUP_NAME_MAX}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setName(group.name);
              setEditing(false);
            }
          }}
          // biome-ignore lint/a11y/noAutofocus: rename opens on request, so the field takes focus.
          autoFocus
        />
        <button type="submit" className="btn btn-ghost btn-icon" aria-label={t("common.save")}>
          <Check size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label={t("common.cancel")}
          onClick={() => {
            setName(group.name);
            setEditing(false);
          }}
        >
          <X size={16} aria-hidden="true" />
        </button>
      </form>
    );
  }

  return (
    <div className={styles.header}>
      <h3 className={styles.title} title={group.name}>
        {group.name}
      </h3>
      <span className="badge">{clipCount}</span>
      <div className={styles.actions}>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={() => onMove(-1)}
          disabled={busy || isFirst}
          aria-label={t("videoMixer.groups.moveLeft", { name: group.name })}
        >
          <ArrowLeft size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={() => onMove(1)}
          disabled={busy || isLast}
          aria-label={t("videoMixer.groups.moveRight", { name: group.name })}
        >
          <ArrowRight size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={() => {
            setName(group.name);
            setEditing(true);
          }}
          disabled={busy}
          aria-label={t("videoMixer.groups.rename", { name: group.name })}
        >
          <Pencil size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={onDelete}
          disabled={busy}
          aria-label={t("videoMixer.groups.delete", { name: group.name })}
        >
          <Trash2 size={16} aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}
