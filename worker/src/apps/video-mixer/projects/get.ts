import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../../core/context";
import { getDb } from "../../../db/client";
import { errorResponses, jsonContent, projectDetailSchema, projectParams } from "../schemas";
import { listGroups } from "../service/groups";
import { loadOwnedProject, readProject } from "../service/projects";

export const getProjectRoute = createRoute({
  method: "get",
  path: "/projects/{projectId}",
  tags: ["Video Mixer"],
  summary: "Get a project with its groups in order",
  request: { params: projectParams },
  responses: { 200: jsonContent(projectDetailSchema, "The project"), ...errorResponses(401, 404) },
});

export const getProject: RouteHandler<typeof getProjectRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);
  const [project, groups] = await Promise.all([readProject(db, projectId), listGroups(db, projectId)]);

  return c.json({ ...project, groups }, 200);
};
