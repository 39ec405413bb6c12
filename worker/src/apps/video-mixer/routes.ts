import { OpenAPIHono } from "@hono/zod-openapi";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { deleteClip, deleteClipRoute } from "./clips/delete";
import { listClips, listClipsRoute } from "./clips/list";
import { updateClip, updateClipRoute } from "./clips/update";
import { uploadClip, uploadClipRoute } from "./clips/upload";
import { estimate, estimateRoute } from "./estimate";
import { generationRoutes } from "./generations/routes";
import { createGroup, createGroupRoute } from "./groups/create";
import { deleteGroup, deleteGroupRoute } from "./groups/delete";
import { updateGroup, updateGroupRoute } from "./groups/update";
import { outputRoutes } from "./outputs/routes";
import { createProject, createProjectRoute } from "./projects/create";
import { deleteProject, deleteProjectRoute } from "./projects/delete";
import { getProject, getProjectRoute } from "./projects/get";
import { listProjects, listProjectsRoute } from "./projects/list";
import { updateProject, updateProjectRoute } from "./projects/update";

/**
 * The Video Mixer API, mounted at `/api/apps/video-mixer`. Every route needs a session, and ids
 * of another user's projects, groups and clips get 404. Validation failures are thrown so
 * that `onError` writes them in the one error envelope.
 */
export const videoMixerRoutes = new OpenAPIHono<AppEnv>({
  defaultHook: (result) => {
    if (!result.success) throw result.error;
  },
});

videoMixerRoutes.use(requireUser());

videoMixerRoutes
  .openapi(createProjectRoute, createProject)
  .openapi(listProjectsRoute, listProjects)
  .openapi(getProjectRoute, getProject)
  .openapi(updateProjectRoute, updateProject)
  .openapi(deleteProjectRoute, deleteProject)

  .openapi(createGroupRoute, createGroup)
  .openapi(updateGroupRoute, updateGroup)
  .openapi(deleteGroupRoute, deleteGroup)

  .openapi(uploadClipRoute, uploadClip)
  .openapi(listClipsRoute, listClips)
  .openapi(updateClipRoute, updateClip)
  .openapi(deleteClipRoute, deleteClip)

  .openapi(estimateRoute, estimate);

// ---- Generations, outputs and downloads: mount their routers below this line. ----
videoMixerRoutes.route("/", generationRoutes).route("/", outputRoutes);
