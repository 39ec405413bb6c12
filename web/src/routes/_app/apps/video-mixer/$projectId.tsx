import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../../api/client";
import { ErrorNotice } from "../../../../components/ErrorNotice";
import { ProjectView } from "../../../../features/video-mixer/projects/ProjectView";
import { projectQueryOptions } from "../../../../features/video-mixer/queries";

export const Route = createFileRoute("/_app/apps/video-mixer/$projectId")({
  loader: async ({ context, params }) => {
    try {
      await context.queryClient.ensureQueryData(projectQueryOptions(params.projectId));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw notFound();
      throw error;
    }
  },
  notFoundComponent: ProjectNotFound,
  errorComponent: ({ error, reset }) => (
    <div className="container page">
      <ErrorNotice error={error} onRetry={reset} />
    </div>
  ),
  component: ProjectPage,
});

function ProjectPage() {
  const { projectId } = Route.useParams();
  // Keyed by project so that per-project state (settings, uploads) starts fresh on a switch.
  return <ProjectView key={projectId} projectId={projectId} />;
}

function ProjectNotFound() {
  const { t } = useTranslation();
  return (
    <div className="container page">
      <div className="empty">
        <h1>{t("videoMixer.projects.notFoundTitle")}</h1>
        <p>{t("videoMixer.projects.notFoundBody")}</p>
        <Link to="/apps/video-mixer" className="btn btn-primary">
          {t("videoMixer.projects.backToList")}
        </Link>
      </div>
    </div>
  );
}
