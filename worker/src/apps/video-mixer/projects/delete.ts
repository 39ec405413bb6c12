import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import { getDb, schema } from "../../../db/client";
import { failUnfinishedOutputs } from "../generations/lifecycle";
import { errorResponses, projectParams } from "../schemas";
import { loadOwnedProject } from "../service/projects";
import { deleteObjectsWithPrefix, projectObjectPrefixes } from "../service/storage";

// Prefixes listed at once; each prefix is one or more list and delete calls.
const PARALLEL_PREFIXES = 8;

export const deleteProjectRoute = createRoute({
  method: "delete",
  path: "/projects/{projectId}",
  tags: ["Video Mixer"],
  summary: "Delete a project with everything in it; unfinished renders stop and their credits are returned",
  request: { params: projectParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 404) },
});

/**
 * Releases the credits of unfinished renders, then deletes the R2 objects, and deletes the rows
 * last. When a step fails the project is still there, so the user can retry, no credits stay
 * held and no object is left without a row pointing at it.
 */
export const deleteProject: RouteHandler<typeof deleteProjectRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);

  // Each unfinished output is released under the settlement key the consumer captures with, so a
  // render that finishes meanwhile finds its credits released and discards itself.
  const unfinished = await db
    .select()
    .from(schema.videoMixerGenerations)
    .where(
      and(
        eq(schema.videoMixerGenerations.projectId, projectId),
        inArray(schema.videoMixerGenerations.status, ["queued", "processing"]),
      ),
    );
  for (const generation of unfinished) {
    await failUnfinishedOutputs(c.env, generation, "The project was deleted");
  }

  const [clips, generations] = await Promise.all([
    db
      .select({ id: schema.videoMixerClips.id })
      .from(schema.videoMixerClips)
      .where(eq(schema.videoMixerClips.projectId, projectId)),
    db
      .select({ id: schema.videoMixerGenerations.id })
      .from(schema.videoMixerGenerations)
      .where(eq(schema.videoMixerGenerations.projectId, projectId)),
  ]);

  // NOTE: an upload or a render still running for this project can write an object after its
  // prefix was listed; that object is left behind.
  const prefixes = projectObjectPrefixes(
    user.id,
    projectId,
    clips.map((clip) => clip.id),
    generations.map((generation) => generation.id),
  );
  let deleted = 0;
  for (let i = 0; i < prefixes.length; i += PARALLEL_PREFIXES) {
    const counts = await Promise.all(
      prefixes.slice(i, i + PARALLEL_PREFIXES).map((prefix) => deleteObjectsWithPrefix(c.env.BUCKET, prefix)),
    );
    deleted += counts.reduce((sum, count) => sum + count, 0);
  }

  // Groups, clips, generations and outputs go with the project through ON DELETE CASCADE.
  await db.delete(schema.videoMixerProjects).where(eq(schema.videoMixerProjects.id, projectId));
  c.get("log").info("video mixer project deleted", {
    projectId,
    deletedObjects: deleted,
    stoppedGenerations: unfinished.length,
  });

  return c.body(null, 204);
};
