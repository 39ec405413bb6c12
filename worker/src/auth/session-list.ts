import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type Database, schema } from "../db/client";

const sessions = schema.sessions;

/**
 * Selects the user's live sessions, newest first, after the `(createdAt, id)` cursor. The
 * `sessions_user_idx` index on (user_id, created_at, id) serves it, which the EXPLAIN test checks.
 */
export function liveSessionsQuery(
  db: Database,
  userId: string,
  after: [number, string] | null,
  limit: number,
  now = new Date(),
) {
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      country: sessions.country,
      city: sessions.city,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        after ? sql`(${sessions.createdAt}, ${sessions.id}) < (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(limit);
}
