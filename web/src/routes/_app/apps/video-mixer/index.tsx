import { createFileRoute } from "@tanstack/react-router";
import { ProjectList } from "../../../../features/video-mixer/projects/ProjectList";
import { projectsQueryOptions } from "../../../../features/video-mixer/queries";

export const Route = createFileRoute("/_app/apps/video-mixer/")({
  loader: ({ context }) => context.queryClient.prefetchInfiniteQuery(projectsQueryOptions()),
  component: ProjectList,
});
