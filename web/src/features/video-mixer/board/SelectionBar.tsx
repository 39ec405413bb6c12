import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Group } from "../types";
import styles from "./GroupBoard.module.css";

interface Props {
  count: number;
  groups: Group[];
  busy: boolean;
  onMove: (groupId: string | null) => void;
  onClear: () => void;
}

/** Appears while clips are selected: moves all of them to one group at once. */
export function SelectionBar({ count, groups, busy, onMove, onClear }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState("");

  return (
    <section className={styles.selectionBar} aria-label={t("videoMixer.clips.selectionLabel")}>
      <strong>{t("videoMixer.clips.selected", { count })}</strong>
      <label htmlFor="bulk-move-target" className="sr-only">
        {t("videoMixer.clips.moveTarget")}
      </label>
      <select
        id="bulk-move-target"
        className="select select-sm"
        value={target}
        onChange={(event) => setTarget(event.target.value)}
      >
        <option value="">{t("videoMixer.groups.ungrouped")}</option>
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => onMove(target || null)}>
        {t("videoMixer.clips.moveSelected")}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
        {t("videoMixer.clips.clearSelection")}
      </button>
    </section>
  );
}
