import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, eq, gt, sql } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import { AppError } from "../../../core/errors";
import { getDb, schema } from "../../../db/client";
import { unfinishedGenerationUsingClip } from "../generations/queries";
import { clipParams, errorResponses } from "../schemas";
import { inBucket, loadOwnedClip } from "../service/clips";
import { deleteObjectsWithPrefix, normalizedClipPrefix } from "../service/storage";

const clips = schema.videoMixerClips;

export const deleteClipRoute = createRoute({
  method: "delete",
  path: "/clips/{clipId}",
  tags: ["Video Mixer"],
  summary: "Delete a clip and its stored files; 409 while a generation that uses it is still rendering",
  request: { params: clipParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 404, 409) },
});

/**
 * Deletes the stored files before the row, so a failed storage call leaves a clip the user can
 * delete again. Finished generations keep their outputs, because a clip is only their input.
 */
export const deleteClip: RouteHandler<typeof deleteClipRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { clipId } = c.req.valid("param");
  const db = getDb(c.env.DB);

  const clip = await loadOwnedClip(db, user.id, clipId);
  const generationId = await unfinishedGenerationUsingClip(db, clip.projectId, clipId);
  if (generationId) {
    throw new AppError(
      "conflict",
      "This clip is used by a generation that is still rendering. Delete it after the generation has finished.",
      { generationId },
    );
  }

  await Promise.all([
    c.env.BUCKET.delete(clip.objectKey),
    deleteObjectsWithPrefix(c.env.BUCKET, normalizedClipPrefix(clipId)),
  ]);

  // The clips after it in its group move up one place.
  await db.batch([
    db.delete(clips).where(eq(clips.id, clipId)),
    db
      .update(clips)
      .set({ position: sql`${clips.position} - 1` })
      .where(and(inBucket(clip.projectId, clip.groupId), gt(clips.position, clip.position))),
  ]);

  return c.body(null, 204);
};
