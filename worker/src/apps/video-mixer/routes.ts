import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/context";
import { requireAppAccess } from "../access";
import { deleteClip, deleteClipRoute } from "./clips/delete";
import { listClips, listClipsRoute } from "./clips/list";
import { updateClip, updateClipRoute } from "./clips/update";
import { uploadClip, uploadClipRoute } from "./clips/upload";
import { estimate, estimateRoute } from "./estimate";
import { createGeneration, createGenerationRoute } from "./generations/create";
import { getGeneration, getGenerationRoute } from "./generations/get";
import { listGenerations, listGenerationsRoute } from "./generations/list";
import { createGroup, createGroupRoute } from "./groups/create";
import { deleteGroup, deleteGroupRoute } from "./groups/delete";
import { updateGroup, updateGroupRoute } from "./groups/update";
import { downloadOutput, downloadOutputRoute } from "./outputs/download";
import { outputThumbnail, outputThumbnailRoute } from "./outputs/thumbnail";
import { downloadZipOfOutputs, downloadZipRoute } from "./outputs/zip";
import { createProject, createProjectRoute } from "./projects/create";
import { deleteProject, deleteProjectRoute } from "./projects/delete";
import { getProject, getProjectRoute } from "./projects/get";
import { listProjects, listProjectsRoute } from "./projects/list";
import { updateProject, updateProjectRoute } from "./projects/update";

/**
 * The Video Mixer API, mounted at `/api/apps/video-mixer`. Every route needs a session, and ids
 * of another user's projects, groups, clips and generations get 404. Validation failures are thrown so
 * that `onError` writes them in the one error envelope.
 */
export const videoMixerRoutes = new OpenAPIHono<AppEnv>({
  defaultHook: (result) => {
    if (!result.success) throw result.error;
  },
});

// Signs the user in and checks on the server that their tier may use the app, before any handler runs.
videoMixerRoutes.use(requireAppAccess("video-mixer"));

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

  .openapi(estimateRoute, estimate)
  .openapi(createGenerationRoute, createGeneration)
  .openapi(listGenerationsRoute, listGenerations)
  .openapi(getGenerationRoute, getGeneration)

  .openapi(downloadOutputRoute, downloadOutput)
  .openapi(outputThumbnailRoute, outputThumbnail)
  .openapi(downloadZipRoute, downloadZipOfOutputs);
