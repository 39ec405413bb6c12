import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import { getDb, schema } from "../../../db/client";
import {
  errorResponses,
  jsonContent,
  jsonRequestBody,
  projectParams,
  projectSchema,
  updateProjectBody,
} from "../schemas";
import { loadOwnedProject, readProject } from "../service/projects";

export const updateProjectRoute = createRoute({
  method: "patch",
  path: "/projects/{projectId}",
  tags: ["Video Mixer"],
  summary: "Rename a project or change its description",
  request: { params: projectParams, body: jsonRequestBody(updateProjectBody) },
  responses: { 200: jsonContent(projectSchema, "The updated project"), ...errorResponses(400, 401, 404, 415) },
});

export const updateProject: RouteHandler<typeof updateProjectRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const input = c.req.valid("json");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);
  await db
    .update(schema.videoMixerProjects)
    .set({ name: input.name, description: input.description, updatedAt: new Date() })
    .where(eq(schema.videoMixerProjects.id, projectId));

  return c.json(await readProject(db, projectId), 200);
};
