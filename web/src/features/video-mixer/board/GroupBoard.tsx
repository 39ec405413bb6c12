import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { useDeleteClip, useDeleteGroup, useMoveClips, useUpdateGroup } from "../mutations";
import type { Clip, Group } from "../types";
import { AddGroupForm } from "./AddGroupForm";
import styles from "./GroupBoard.module.css";
import { GroupColumn } from "./GroupColumn";
import { GroupHeader } from "./GroupHeader";
import { SelectionBar } from "./SelectionBar";

interface Props {
  projectId: string;
  groups: Group[];
  clips: Clip[];
  onDropFiles: (files: File[], groupId: string | null) => void;
}

type Pending = { kind: "clip"; clip: Clip } | { kind: "group"; group: Group } | null;

/** Renders groups as columns of clips. Clips move by drag-and-drop, by the per-clip select or in bulk. */
export function GroupBoard({ projectId, groups, clips, onDropFiles }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pendingDelete, setPendingDelete] = useState<Pending>(null);

  const moveClips = useMoveClips(projectId);
  const updateGroup = useUpdateGroup(projectId);
  const deleteGroup = useDeleteGroup(projectId);
  const deleteClip = useDeleteClip(projectId);
  const busy = moveClips.isPending || updateGroup.isPending || deleteGroup.isPending;

  const sortedGroups = useMemo(() => [...groups].sort((a, b) => a.position - b.position), [groups]);
  const clipsByGroup = useMemo(() => {
    const map = new Map<string | null, Clip[]>();
    for (const clip of [...clips].sort((a, b) => a.position - b.position)) {
      const key = clip.groupId && groups.some((group) => group.id === clip.groupId) ? clip.groupId : null;
      map.set(key, [...(map.get(key) ?? []), clip]);
    }
    return map;
  }, [clips, groups]);

  const toggleSelect = (clipId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(clipId)) next.delete(clipId);
      else next.add(clipId);
      return next;
    });

  const move = (clipIds: string[], groupId: string | null) =>
    moveClips.mutate({ clipIds, groupId }, { onSuccess: () => setSelected(new Set()) });

  // Takes the neighbour's zero-based position, and the API renumbers the other groups.
  const moveGroup = (index: number, direction: -1 | 1) => {
    const group = sortedGroups[index];
    const neighbour = sortedGroups[index + direction];
    if (group && neighbour) updateGroup.mutate({ groupId: group.id, position: neighbour.position });
  };

  const confirmDelete = () => {
    if (!pendingDelete) return;
    const close = { onSuccess: () => setPendingDelete(null) };
    if (pendingDelete.kind === "clip") {
      setSelected((current) => {
        const next = new Set(current);
        next.delete(pendingDelete.clip.id);
        return next;
      });
      deleteClip.mutate(pendingDelete.clip.id, close);
    } else {
      deleteGroup.mutate(pendingDelete.group.id, close);
    }
  };

  const mutationError = moveClips.error ?? updateGroup.error ?? deleteGroup.error ?? deleteClip.error;
  const ungrouped = clipsByGroup.get(null) ?? [];

  return (
    <section className={`card ${styles.board}`} aria-labelledby="groups-title">
      <div className={styles.toolbar}>
        <div>
          <h2 id="groups-title">{t("videoMixer.groups.title")}</h2>
          <p className="muted small">{t("videoMixer.groups.help")}</p>
        </div>
        <AddGroupForm projectId={projectId} groupCount={groups.length} />
      </div>

      {mutationError ? <ErrorNotice error={mutationError} compact /> : null}
      {selected.size > 0 && (
        <SelectionBar
          count={selected.size}
          groups={sortedGroups}
          busy={busy}
          onMove={(groupId) => move([...selected], groupId)}
          onClear={() => setSelected(new Set())}
        />
      )}

      <div className={styles.columns}>
        <GroupColumn
          groupId={null}
          label={t("videoMixer.groups.ungrouped")}
          header={
            <div className={styles.ungroupedHeader}>
              <h3>{t("videoMixer.groups.ungrouped")}</h3>
              <span className="badge">{ungrouped.length}</span>
            </div>
          }
          clips={ungrouped}
          groups={sortedGroups}
          selectedIds={selected}
          busy={busy}
          onToggleSelect={toggleSelect}
          onMove={move}
          onDeleteClip={(clip) => setPendingDelete({ kind: "clip", clip })}
          onDropFiles={onDropFiles}
        />
        {sortedGroups.map((group, index) => {
          const groupClips = clipsByGroup.get(group.id) ?? [];
          return (
            <GroupColumn
              key={group.id}
              groupId={group.id}
              label={group.name}
              header={
                <GroupHeader
                  group={group}
                  clipCount={groupClips.length}
                  isFirst={index === 0}
                  isLast={index === sortedGroups.length - 1}
                  busy={busy}
                  onRename={(name) => updateGroup.mutate({ groupId: group.id, name })}
                  onMove={(direction) => moveGroup(index, direction)}
                  onDelete={() => setPendingDelete({ kind: "group", group })}
                />
              }
              clips={groupClips}
              groups={sortedGroups}
              selectedIds={selected}
              busy={busy}
              onToggleSelect={toggleSelect}
              onMove={move}
              onDeleteClip={(clip) => setPendingDelete({ kind: "clip", clip })}
              onDropFiles={onDropFiles}
            />
          );
        })}
      </div>

      <ConfirmDialog
        open={pendingDelete !== null}
        title={pendingDelete?.kind === "group" ? t("videoMixer.groups.deleteTitle") : t("videoMixer.clips.deleteTitle")}
        description={
          pendingDelete?.kind === "group"
            ? t("videoMixer.groups.deleteBody", { name: pendingDelete.group.name })
            : t("videoMixer.clips.deleteBody", { name: pendingDelete?.clip.fileName ?? "" })
        }
        confirmLabel={t("common.delete")}
        pending={deleteClip.isPending || deleteGroup.isPending}
        onConfirm={confirmDelete}
        onClose={() => setPendingDelete(null)}
      />
    </section>
  );
}
