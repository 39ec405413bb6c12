import { type DragEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Clip, Group } from "../types";
import { ClipCard } from "./ClipCard";
import { isClipDrag, isFileDrag, readDraggedClips } from "./drag";
import styles from "./GroupColumn.module.css";

interface Props {
  /** `null` is the column of clips that belong to no group. */
  groupId: string | null;
  header: ReactNode;
  label: string;
  clips: Clip[];
  groups: Group[];
  selectedIds: Set<string>;
  busy: boolean;
  onToggleSelect: (clipId: string) => void;
  onMove: (clipIds: string[], groupId: string | null) => void;
  onDeleteClip: (clip: Clip) => void;
  onDropFiles: (files: File[], groupId: string | null) => void;
}

/** Renders one group as a drop target. Clips dragged here move into the group, and files dropped here upload into it. */
export function GroupColumn(props: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const { groupId, clips, selectedIds } = props;

  const onDragOver = (event: DragEvent) => {
    if (!isClipDrag(event.dataTransfer) && !isFileDrag(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = isFileDrag(event.dataTransfer) ? "copy" : "move";
    setOver(true);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length > 0) {
      props.onDropFiles([...event.dataTransfer.files], groupId);
      return;
    }
    const ids = readDraggedClips(event.dataTransfer).filter(
      (id) => clips.every((clip) => clip.id !== id), // already here: nothing to move
    );
    if (ids.length > 0) props.onMove(ids, groupId);
  };

  return (
    <section
      className={over ? `${styles.column} ${styles.over}` : styles.column}
      aria-label={props.label}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
      data-testid={groupId ? `group-${groupId}` : "group-ungrouped"}
    >
      {props.header}
      {clips.length === 0 ? (
        <p className={styles.empty}>{t("videoMixer.groups.emptyColumn")}</p>
      ) : (
        <ul className={styles.clips}>
          {clips.map((clip) => (
            <ClipCard
              key={clip.id}
              clip={clip}
              groups={props.groups}
              selected={selectedIds.has(clip.id)}
              dragIds={selectedIds.has(clip.id) ? [...selectedIds] : [clip.id]}
              busy={props.busy}
              onToggleSelect={props.onToggleSelect}
              onMove={props.onMove}
              onDelete={props.onDeleteClip}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
