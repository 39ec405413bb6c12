// R2 key layout of the Video Mixer. Keys are built from ids the app made, never from file names,
// so a user cannot place or overwrite an object outside their own prefix.

export function clipObjectKey(userId: string, projectId: string, clipId: string): string {
  return `clips/${userId}/${projectId}/${clipId}`;
}

/** Normalized copies of one clip, one object per output profile. */
export function normalizedClipPrefix(clipId: string): string {
  return `normalized/${clipId}/`;
}

/** Rendered videos and thumbnails of one generation; outputs/keys.ts names the objects inside. */
export function generationOutputsPrefix(userId: string, generationId: string): string {
  return `outputs/${userId}/${generationId}/`;
}

/** Every prefix under which a project's objects live: uploads, normalized copies and outputs. */
export function projectObjectPrefixes(
  userId: string,
  projectId: string,
  clipIds: string[],
  generationIds: string[],
): string[] {
  return [
    `clips/${userId}/${projectId}/`,
    ...clipIds.map(normalizedClipPrefix),
    ...generationIds.map((generationId) => generationOutputsPrefix(userId, generationId)),
  ];
}

// R2 lists and deletes at most 1,000 keys per call.
const R2_BATCH = 1000;

/** Deletes every object under `prefix`, a page at a time; returns how many were deleted. */
export async function deleteObjectsWithPrefix(bucket: R2Bucket, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, limit: R2_BATCH });
    const keys = page.objects.map((object) => object.key);
    if (keys.length > 0) {
      await bucket.delete(keys);
      deleted += keys.length;
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}
