import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Spinner } from "../../../components/Spinner";
import { useCreateProject } from "../mutations";
import { projectsQueryOptions } from "../queries";
import { ProjectCard } from "./ProjectCard";
import { ProjectForm } from "./ProjectForm";
import styles from "./ProjectList.module.css";

export function ProjectList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const projects = useInfiniteQuery(projectsQueryOptions());
  const create = useCreateProject();
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="container page">
      <div className="page-header">
        <div>
          <h1>{t("apps.video-mixer.name")}</h1>
          <p>{t("videoMixer.projects.subtitle")}</p>
        </div>
        {!creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Plus size={18} aria-hidden="true" />
            {t("videoMixer.projects.new")}
          </button>
        )}
      </div>

      {creating && (
        <section className={`card ${styles.create}`} aria-labelledby="new-project-title">
          <h2 id="new-project-title" className="card-title">
            {t("videoMixer.projects.new")}
          </h2>
          <ProjectForm
            submitLabel={t("videoMixer.projects.create")}
            pending={create.isPending}
            error={create.error}
            onCancel={() => {
              setCreating(false);
              create.reset();
            }}
            onSubmit={(input) =>
              create.mutate(input, {
                onSuccess: (project) =>
                  void navigate({ to: "/apps/video-mixer/$projectId", params: { projectId: project.id } }),
              })
            }
          />
        </section>
      )}

      {projects.isPending && <Spinner showLabel />}
      {projects.isError && <ErrorNotice error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.isSuccess && items.length === 0 && !creating && (
        <div className="empty">
          <h2>{t("videoMixer.projects.emptyTitle")}</h2>
          <p>{t("videoMixer.projects.emptyBody")}</p>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Plus size={18} aria-hidden="true" />
            {t("videoMixer.projects.new")}
          </button>
        </div>
      )}

      {items.length > 0 && (
        <ul className={styles.grid} aria-label={t("videoMixer.projects.listLabel")}>
          {items.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} />
            </li>
          ))}
        </ul>
      )}

      {projects.hasNextPage && (
        <div className={styles.more}>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void projects.fetchNextPage()}
            disabled={projects.isFetchingNextPage}
          >
            {projects.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
          </button>
        </div>
      )}
    </div>
  );
}
