import { Link, useNavigate } from "@tanstack/react-router";
import { ChevronRight, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { useDeleteProject, useUpdateProject } from "../mutations";
import type { ProjectDetail } from "../types";
import { ProjectForm } from "./ProjectForm";
import styles from "./ProjectView.module.css";

/** Breadcrumb, name and description of a project, with edit and delete. */
export function ProjectHeader({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const update = useUpdateProject(project.id);
  const remove = useDeleteProject();

  return (
    <div className={styles.header}>
      <nav aria-label={t("common.breadcrumb")} className={styles.breadcrumb}>
        <Link to="/apps/video-mixer">{t("apps.video-mixer.name")}</Link>
        <ChevronRight size={14} aria-hidden="true" />
        <span aria-current="page">{project.name}</span>
      </nav>

      {editing ? (
        <div className={`card ${styles.editCard}`}>
          <ProjectForm
            initial={{ name: project.name, description: project.description ?? "" }}
            submitLabel={t("common.save")}
            pending={update.isPending}
            error={update.error}
            onCancel={() => {
              setEditing(false);
              update.reset();
            }}
            onSubmit={(input) => update.mutate(input, { onSuccess: () => setEditing(false) })}
          />
        </div>
      ) : (
        <div className="page-header">
          <div>
            <h1>{project.name}</h1>
            {project.description ? <p>{project.description}</p> : null}
          </div>
          <div className="row">
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(true)}>
              <Pencil size={16} aria-hidden="true" />
              {t("videoMixer.projects.edit")}
            </button>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirmingDelete(true)}>
              <Trash2 size={16} aria-hidden="true" />
              {t("videoMixer.projects.delete")}
            </button>
          </div>
        </div>
      )}

      {remove.isError && <ErrorNotice error={remove.error} />}
      <ConfirmDialog
        open={confirmingDelete}
        title={t("videoMixer.projects.deleteTitle")}
        description={t("videoMixer.projects.deleteBody", { name: project.name })}
        confirmLabel={t("videoMixer.projects.delete")}
        pending={remove.isPending}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() =>
          remove.mutate(project.id, {
            onSuccess: () => void navigate({ to: "/apps/video-mixer" }),
            onSettled: () => setConfirmingDelete(false),
          })
        }
      />
    </div>
  );
}
