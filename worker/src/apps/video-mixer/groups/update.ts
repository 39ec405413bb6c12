import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import { type Database, getDb, schema } from "../../../db/client";
import { errorResponses, groupParams, groupSchema, jsonContent, jsonRequestBody, updateGroupBody } from "../schemas";
import { loadOwnedGroup, orderedGroupIds, readGroup } from "../service/groups";

const groups = schema.videoMixerGroups;

export const updateGroupRoute = createRoute({
  method: "patch",
  path: "/groups/{groupId}",
  tags: ["Video Mixer"],
  summary: "Rename a group or move it to another position among the project's groups",
  request: { params: groupParams, body: jsonRequestBody(updateGroupBody) },
  responses: { 200: jsonContent(groupSchema, "The updated group"), ...errorResponses(400, 401, 404, 415) },
});

export const updateGroup: RouteHandler<typeof updateGroupRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { groupId } = c.req.valid("param");
  const input = c.req.valid("json");
  const db = getDb(c.env.DB);

  const group = await loadOwnedGroup(db, user.id, groupId);

  const statements = [];
  if (input.name !== undefined) {
    statements.push(db.update(groups).set({ name: input.name }).where(eq(groups.id, groupId)));
  }
  if (input.position !== undefined) {
    statements.push(...(await reorderStatements(db, group.projectId, groupId, input.position)));
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);

  return c.json(await readGroup(db, groupId), 200);
};

/** Moves the group to `position` and renumbers the project's groups 0, 1, 2, … in one batch. */
async function reorderStatements(db: Database, projectId: string, groupId: string, position: number) {
  const ids = (await orderedGroupIds(db, projectId)).filter((id) => id !== groupId);
  ids.splice(Math.min(position, ids.length), 0, groupId);
  return ids.map((id, index) => db.update(groups).set({ position: index }).where(eq(groups.id, id)));
}
