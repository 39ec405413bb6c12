import { UploadCloud } from "lucide-react";
import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isFileDrag } from "../board/drag";
import type { Group } from "../types";
import { CLIP_ACCEPT } from "../upload";
import styles from "./UploadZone.module.css";

interface Props {
  groups: Group[];
  targetGroupId: string | null;
  onTargetGroupChange: (groupId: string | null) => void;
  onFiles: (files: File[]) => void;
}

/** Drop area and file picker for new clips, with the group they go into. */
export function UploadZone({ groups, targetGroupId, onTargetGroupChange, onFiles }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  };

  return (
    <div className={styles.wrapper}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a shortcut; the "choose videos" button is the keyboard path. */}
      <div
        className={over ? `${styles.zone} ${styles.over}` : styles.zone}
        onDragOver={(event) => {
          if (!isFileDrag(event.dataTransfer)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="upload-dropzone"
      >
        <UploadCloud size={32} aria-hidden="true" className={styles.icon} />
        <p className={styles.title}>{t("videoMixer.upload.dropTitle")}</p>
        <p className="muted small">{t("videoMixer.upload.rules")}</p>
        <button type="button" className="btn btn-primary" onClick={() => inputRef.current?.click()}>
          {t("videoMixer.upload.choose")}
        </button>
        <input
          ref={inputRef}
          id="clip-file-input"
          type="file"
          accept={CLIP_ACCEPT}
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label={t("videoMixer.upload.choose")}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            if (files.length > 0) onFiles(files);
            event.target.value = "";
          }}
        />
      </div>
      <div className={styles.target}>
        <label htmlFor="upload-target-group" className="label">
          {t("videoMixer.upload.targetGroup")}
        </label>
        <select
          id="upload-target-group"
          className="select select-sm"
          value={targetGroupId ?? ""}
          onChange={(event) => onTargetGroupChange(event.target.value || null)}
        >
          <option value="">{t("videoMixer.groups.ungrouped")}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
