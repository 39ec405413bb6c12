import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { notFound } from "../../../core/errors";
import { type Database, schema } from "../../../db/client";
import type { Clip } from "../schemas";

const { videoMixerProjects: projects, videoMixerClips: clips } = schema;

export type ClipRow = typeof clips.$inferSelect;

/** Loads a clip whose project belongs to `userId`, with the owner id for building object keys. */
export async function loadOwnedClip(db: Database, userId: string, clipId: string): Promise<ClipRow> {
  const [row] = await db
    .select({ clip: clips })
    .from(clips)
    .innerJoin(projects, eq(projects.id, clips.projectId))
    .where(and(eq(clips.id, clipId), eq(projects.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Clip");
  return row.clip;
}

export function toClip(row: ClipRow): Clip {
  return {
    id: row.id,
    projectId: row.projectId,
    groupId: row.groupId,
    position: row.position,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    container: row.container,
    durationSeconds: row.durationSeconds,
    width: row.width,
    height: row.height,
    rotation: row.rotation,
    fps: row.fps,
    videoCodec: row.videoCodec,
    audioCodec: row.audioCodec,
    hasAudio: row.hasAudio,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Matches the clips of one bucket: one group of the project, or its ungrouped clips when null. */
export function inBucket(projectId: string, groupId: string | null): SQL {
  return and(
    eq(clips.projectId, projectId),
    groupId === null ? isNull(clips.groupId) : eq(clips.groupId, groupId),
  ) as SQL;
}

/** Position after the last clip of the bucket, computed inside the INSERT so concurrent uploads rarely collide. */
export function nextPositionSql(projectId: string, groupId: string | null): SQL<number> {
  return sql<number>`(select coalesce(max(${clips.position}), -1) + 1 from ${clips} where ${inBucket(projectId, groupId)})`;
}

/** Loads a bucket's clips in display order, with their stored positions. */
export async function bucketClips(
  db: Database,
  projectId: string,
  groupId: string | null,
): Promise<{ id: string; position: number }[]> {
  return db
    .select({ id: clips.id, position: clips.position })
    .from(clips)
    .where(inBucket(projectId, groupId))
    .orderBy(asc(clips.position), asc(clips.createdAt), asc(clips.id));
}

/**
 * UPDATE statements, for `db.batch`, that put the clips `ids` into bucket `groupId` at positions
 * 0, 1, 2, … Clips already at the right place in the right bucket are skipped.
 */
export function placeClipsStatements(
  db: Database,
  ids: string[],
  groupId: string | null,
  current: Map<string, { position: number; groupId: string | null }>,
) {
  return ids.flatMap((clipId, index) => {
    const now = current.get(clipId);
    if (now && now.position === index && now.groupId === groupId) return [];
    return [db.update(clips).set({ position: index, groupId }).where(eq(clips.id, clipId))];
  });
}
