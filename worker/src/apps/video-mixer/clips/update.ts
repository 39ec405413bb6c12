import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../../core/context";
import { getDb } from "../../../db/client";
import { clipParams, clipSchema, errorResponses, jsonContent, jsonRequestBody, updateClipBody } from "../schemas";
import { bucketClips, loadOwnedClip, placeClipsStatements, toClip } from "../service/clips";
import { assertGroupInProject } from "../service/groups";

export const updateClipRoute = createRoute({
  method: "patch",
  path: "/clips/{clipId}",
  tags: ["Video Mixer"],
  summary: "Move a clip to another group (or out of groups) or reorder it within its group",
  request: { params: clipParams, body: jsonRequestBody(updateClipBody) },
  responses: { 200: jsonContent(clipSchema, "The updated clip"), ...errorResponses(400, 401, 404, 415) },
});

export const updateClip: RouteHandler<typeof updateClipRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { clipId } = c.req.valid("param");
  const { groupId, order } = c.req.valid("json");
  const db = getDb(c.env.DB);

  const clip = await loadOwnedClip(db, user.id, clipId);
  if (groupId !== null) await assertGroupInProject(db, clip.projectId, groupId);

  const moving = groupId !== clip.groupId;
  const [target, source] = await Promise.all([
    bucketClips(db, clip.projectId, groupId),
    moving ? bucketClips(db, clip.projectId, clip.groupId) : Promise.resolve([]),
  ]);

  // Without `order`, a clip keeps its place in its group and goes last in a new group.
  const others = target.filter((other) => other.id !== clipId).map((other) => other.id);
  const currentIndex = target.findIndex((other) => other.id === clipId);
  const index = Math.min(order ?? (moving ? others.length : currentIndex), others.length);
  others.splice(index, 0, clipId);

  const current = new Map([
    ...target.map((other) => [other.id, { position: other.position, groupId }] as const),
    ...source.map((other) => [other.id, { position: other.position, groupId: clip.groupId }] as const),
  ]);
  current.set(clipId, { position: clip.position, groupId: clip.groupId });

  const statements = [
    ...placeClipsStatements(db, others, groupId, current),
    // The group the clip left closes the gap.
    ...placeClipsStatements(
      db,
      source.filter((other) => other.id !== clipId).map((other) => other.id),
      clip.groupId,
      current,
    ),
  ];
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);

  return c.json(toClip({ ...clip, groupId, position: index }), 200);
};
