import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import { getDb, schema } from "../../../db/client";
import { errorResponses, groupParams } from "../schemas";
import { loadOwnedGroup } from "../service/groups";

const { videoMixerGroups: groups, videoMixerClips: clips } = schema;

export const deleteGroupRoute = createRoute({
  method: "delete",
  path: "/groups/{groupId}",
  tags: ["Video Mixer"],
  summary: "Delete a group; its clips stay in the project, ungrouped",
  request: { params: groupParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 404) },
});

export const deleteGroup: RouteHandler<typeof deleteGroupRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { groupId } = c.req.valid("param");
  const db = getDb(c.env.DB);

  const group = await loadOwnedGroup(db, user.id, groupId);

  // The group's clips go after the ungrouped clips and keep their order. The groups after the
  // deleted one move up, so positions stay 0, 1, 2, … The batch runs as one transaction.
  const [ungroupedEnd] = await db
    .select({ next: sql<number>`coalesce(max(${clips.position}), -1) + 1` })
    .from(clips)
    .where(and(eq(clips.projectId, group.projectId), isNull(clips.groupId)));
  const offset = Number(ungroupedEnd?.next ?? 0);

  await db.batch([
    db
      .update(clips)
      .set({ groupId: null, position: sql`${clips.position} + ${offset}` })
      .where(eq(clips.groupId, groupId)),
    db.delete(groups).where(eq(groups.id, groupId)),
    db
      .update(groups)
      .set({ position: sql`${groups.position} - 1` })
      .where(and(eq(groups.projectId, group.projectId), gt(groups.position, group.position))),
  ]);

  return c.body(null, 204);
};
