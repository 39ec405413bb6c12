import { Film, GripVertical, Trash2, VolumeX } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../../i18n";
import { formatBytes, formatDuration } from "../../../lib/format";
import type { Clip, Group } from "../types";
import styles from "./ClipCard.module.css";
import { writeDraggedClips } from "./drag";

interface Props {
  clip: Clip;
  groups: Group[];
  selected: boolean;
  /** Ids dragged along when this clip is dragged: the whole selection when it is part of it. */
  dragIds: string[];
  busy: boolean;
  onToggleSelect: (clipId: string) => void;
  onMove: (clipIds: string[], groupId: string | null) => void;
  onDelete: (clip: Clip) => void;
}

/** Display size after rotation: a 1920×1080 clip rotated 90° shows as 1080×1920. */
function displaySize(clip: Clip): string {
  const rotated = clip.rotation === 90 || clip.rotation === 270;
  return rotated ? `${clip.height}×${clip.width}` : `${clip.width}×${clip.height}`;
}

export function ClipCard({ clip, groups, selected, dragIds, busy, onToggleSelect, onMove, onDelete }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selectId = `clip-${clip.id}-select`;
  const groupSelectId = `clip-${clip.id}-group`;

  return (
    <li
      className={selected ? `${styles.card} ${styles.selected}` : styles.card}
      draggable={!busy}
      onDragStart={(event) => writeDraggedClips(event.dataTransfer, dragIds)}
      data-testid="clip-card"
      aria-label={clip.fileName}
    >
      <div className={styles.head}>
        <GripVertical size={16} className={styles.grip} aria-hidden="true" />
        <input
          id={selectId}
          type="checkbox"
          className={styles.check}
          checked={selected}
          onChange={() => onToggleSelect(clip.id)}
        />
        <label htmlFor={selectId} className={styles.name} title={clip.fileName}>
          <span className="sr-only">{t("videoMixer.clips.select")} </span>
          {clip.fileName}
        </label>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={() => onDelete(clip)}
          aria-label={t("videoMixer.clips.delete", { name: clip.fileName })}
          disabled={busy}
        >
          <Trash2 size={16} aria-hidden="true" />
        </button>
      </div>

      <div className={styles.meta}>
        <span className={styles.duration}>
          <Film size={14} aria-hidden="true" />
          {formatDuration(clip.durationSeconds)}
        </span>
        <span>{displaySize(clip)}</span>
        <span>{formatBytes(clip.sizeBytes, language)}</span>
        <span className="badge">{clip.container.toUpperCase()}</span>
        {!clip.hasAudio && (
          <span className="badge badge-warning">
            <VolumeX size={12} aria-hidden="true" />
            {t("videoMixer.clips.noAudio")}
          </span>
        )}
      </div>

      <div className={styles.move}>
        <label htmlFor={groupSelectId} className="sr-only">
          {t("videoMixer.clips.groupFor", { name: clip.fileName })}
        </label>
        <select
          id={groupSelectId}
          className="select select-sm"
          value={clip.groupId ?? ""}
          disabled={busy}
          onChange={(event) => onMove([clip.id], event.target.value || null)}
        >
          <option value="">{t("videoMixer.groups.ungrouped")}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}
