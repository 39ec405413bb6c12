import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Spinner } from "../../../components/Spinner";
import { GroupBoard } from "../board/GroupBoard";
import { GenerationHistory } from "../generations/GenerationHistory";
import { useInvalidateBoard } from "../mutations";
import { clipsQueryOptions, projectQueryOptions } from "../queries";
import { GeneratePanel } from "../settings-panel/GeneratePanel";
import { SettingsPanel } from "../settings-panel/SettingsPanel";
import { useStoredSettings } from "../stored-settings";
import type { MixSettings } from "../types";
import { UploadQueue } from "../upload/UploadQueue";
import { UploadZone } from "../upload/UploadZone";
import { useClipUploads } from "../use-clip-uploads";
import { ProjectHeader } from "./ProjectHeader";
import styles from "./ProjectView.module.css";

/**
 * Renders the Video Mixer workspace: clips, groups and history on the left, settings and Generate
 * on the right. On narrow screens settings come before the history.
 */
export function ProjectView({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { data: project } = useSuspenseQuery(projectQueryOptions(projectId));
  const clips = useQuery(clipsQueryOptions(projectId));
  const invalidateBoard = useInvalidateBoard(projectId);
  const uploads = useClipUploads(projectId, invalidateBoard);

  const { settings, setSettings, count, setCount } = useStoredSettings(projectId);
  const [uploadGroupId, setUploadGroupId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const groups = [...project.groups].sort((a, b) => a.position - b.position);
  // A group deleted since it was picked falls back to "no group".
  const targetGroupId = uploadGroupId && groups.some((group) => group.id === uploadGroupId) ? uploadGroupId : null;

  const applySettings = useCallback(
    (next: MixSettings) => {
      setSettings(next);
      setAnnouncement(t("videoMixer.generations.settingsApplied"));
      document.getElementById("settings-title")?.scrollIntoView({ behavior: "smooth", block: "start" });
    },
    [t, setSettings],
  );

  return (
    <div className="container page">
      <ProjectHeader project={project} />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className={styles.layout}>
        <section className={`card stack ${styles.clips}`} aria-labelledby="clips-title">
          <div>
            <h2 id="clips-title">{t("videoMixer.clips.title")}</h2>
            <p className="muted small">
              {t("videoMixer.clips.summary", { count: clips.data?.length ?? project.clipCount })}
            </p>
          </div>
          <UploadZone
            groups={groups}
            targetGroupId={targetGroupId}
            onTargetGroupChange={setUploadGroupId}
            onFiles={(files) => uploads.addFiles(files, targetGroupId)}
          />
          <UploadQueue items={uploads.items} onCancel={uploads.cancel} onClearFinished={uploads.clearFinished} />
        </section>

        <div className={styles.board}>
          {clips.isPending && <Spinner showLabel />}
          {clips.isError && <ErrorNotice error={clips.error} onRetry={() => void clips.refetch()} />}
          {clips.data && (
            <GroupBoard
              projectId={projectId}
              groups={groups}
              clips={clips.data}
              onDropFiles={(files, groupId) => uploads.addFiles(files, groupId)}
            />
          )}
        </div>

        <aside className={styles.side} aria-labelledby="settings-title">
          <section className="card">
            <h2 id="settings-title" className="card-title">
              {t("videoMixer.settings.title")}
            </h2>
            <SettingsPanel settings={settings} onChange={setSettings} />
          </section>
          <section className="card" aria-labelledby="generate-title">
            <h2 id="generate-title" className="card-title">
              {t("videoMixer.generate.title")}
            </h2>
            <GeneratePanel
              projectId={projectId}
              settings={settings}
              count={count}
              onCountChange={setCount}
              onGenerated={() => {
                setAnnouncement(t("videoMixer.generate.started"));
                document.getElementById("generation-history")?.focus();
              }}
            />
          </section>
        </aside>

        <div className={styles.history}>
          <GenerationHistory projectId={projectId} onUseSettings={applySettings} />
        </div>
      </div>
    </div>
  );
}
