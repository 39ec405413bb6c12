import { and, eq, inArray } from "drizzle-orm";
import type { Env } from "../../../core/env";
import { getDb, schema } from "../../../db/client";
import type { RendererJobLimiter } from "../../../renderer/job-limiter";
import { type NormalizeProfile, normalizeObject } from "../../../renderer/normalize";
import type { ClipRow } from "../service/clips";
import { normalizedClipKey } from "./profile";

// D1 binds at most 100 parameters per statement; the project id takes one.
const IDS_PER_QUERY = 90;

/** Loads the clips of `projectId` among `clipIds`; ids of deleted clips are simply absent. */
export async function loadClips(env: Env, projectId: string, clipIds: string[]): Promise<Map<string, ClipRow>> {
  const clips = schema.videoMixerClips;
  const found = new Map<string, ClipRow>();
  for (let start = 0; start < clipIds.length; start += IDS_PER_QUERY) {
    const ids = clipIds.slice(start, start + IDS_PER_QUERY);
    const rows = await getDb(env.DB)
      .select()
      .from(clips)
      .where(and(eq(clips.projectId, projectId), inArray(clips.id, ids)));
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/**
 * Makes sure R2 contains `clip` normalized to `profile` and returns its key. A clip normalized
 * earlier for the same profile, by this generation or another, is reused without a renderer job.
 */
export async function ensureNormalized(
  env: Env,
  jobs: RendererJobLimiter,
  clip: ClipRow,
  profile: NormalizeProfile,
): Promise<string> {
  const key = normalizedClipKey(clip.id, profile);
  if (await env.BUCKET.head(key)) return key;

  await jobs.run(() => normalizeObject(env, clip.objectKey, key, profile));
  return key;
}

/** Runs `task` over `items` with at most `limit` running at once; rejects with the first failure. */
export async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  });
  await Promise.all(workers);
}
