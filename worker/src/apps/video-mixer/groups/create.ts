import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import { getDb, schema } from "../../../db/client";
import { createGroupBody, errorResponses, groupSchema, jsonContent, jsonRequestBody, projectParams } from "../schemas";
import { loadOwnedProject } from "../service/projects";

const groups = schema.videoMixerGroups;

export const createGroupRoute = createRoute({
  method: "post",
  path: "/projects/{projectId}/groups",
  tags: ["Video Mixer"],
  summary: "Add a group after the project's last group",
  request: { params: projectParams, body: jsonRequestBody(createGroupBody) },
  responses: { 201: jsonContent(groupSchema, "The new group"), ...errorResponses(400, 401, 404, 415) },
});

export const createGroup: RouteHandler<typeof createGroupRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const { name } = c.req.valid("json");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);
  const [row] = await db
    .insert(groups)
    .values({
      id: crypto.randomUUID(),
      projectId,
      name,
      // Computed in the INSERT itself, so two groups created at once rarely share a position.
      position: sql`(select coalesce(max(${groups.position}), -1) + 1 from ${groups} where ${eq(groups.projectId, projectId)})`,
    })
    .returning();
  const group = row as NonNullable<typeof row>;

  return c.json(
    { id: group.id, projectId: group.projectId, name: group.name, position: group.position, clipCount: 0 },
    201,
  );
};
