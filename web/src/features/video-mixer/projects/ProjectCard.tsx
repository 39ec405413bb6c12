import { Link } from "@tanstack/react-router";
import { Clapperboard, FolderOpen } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";
import type { Project } from "../types";
import styles from "./ProjectCard.module.css";

export function ProjectCard({ project }: { project: Project }) {
  const { t } = useTranslation();
  const language = useLanguage();

  return (
    <Link
      to="/apps/video-mixer/$projectId"
      params={{ projectId: project.id }}
      className={styles.card}
      data-testid="project-card"
    >
      <span className={styles.icon}>
        <FolderOpen size={20} aria-hidden="true" />
      </span>
      <h3 className={styles.name}>{project.name}</h3>
      {project.description ? <p className={styles.description}>{project.description}</p> : null}
      <div className={styles.meta}>
        <span className="row">
          <Clapperboard size={14} aria-hidden="true" />
          {t("videoMixer.projects.clipCount", { count: project.clipCount })}
        </span>
        <span>{t("videoMixer.projects.groupCount", { count: project.groupCount })}</span>
      </div>
      <p className={styles.updated}>
        {t("videoMixer.projects.updatedAt", { date: formatDateTime(project.updatedAt, language) })}
      </p>
    </Link>
  );
}
