import { eq } from "drizzle-orm";
import type { AppContext } from "../core/context";
import { getDb, schema } from "../db/client";
import { SESSION_TTL_SECONDS } from "./cookies";
import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_PATTERN } from "./refresh-tokens";
import { sessionClientInfo } from "./session";
import { signAccessToken } from "./tokens";

/**
 * Two tabs that refresh at the same moment both send the same token. The loser arrives within this
 * window after the winner rotated it, and by then the browser already has the winner's new
 * cookies, so such a request gets no new tokens but does not count as theft.
 */
export const CONCURRENT_REFRESH_GRACE_MS = 10_000;

export type RotationResult =
  | { outcome: "rotated"; userId: string; sessionId: string; accessToken: string; refreshToken: string }
  | { outcome: "concurrent"; userId: string; sessionId: string }
  | { outcome: "reused"; userId: string; sessionId: string }
  | { outcome: "invalid" };

/**
 * Swaps a refresh token for a new pair. A token that was already rotated is a replay, from a
 * stolen copy or the legitimate client after a thief refreshed first: the whole session (the
 * token family) is revoked and the caller must log it as a security event.
 */
export async function rotateRefreshToken(c: AppContext, presented: string): Promise<RotationResult> {
  if (!REFRESH_TOKEN_PATTERN.test(presented)) return { outcome: "invalid" };

  const db = getDb(c.env.DB);
  const oldHash = await hashRefreshToken(presented);
  const [found] = await db
    .select({
      sessionId: schema.refreshTokens.sessionId,
      rotatedAt: schema.refreshTokens.rotatedAt,
      userId: schema.sessions.userId,
      revokedAt: schema.sessions.revokedAt,
      expiresAt: schema.sessions.expiresAt,
    })
    .from(schema.refreshTokens)
    .innerJoin(schema.sessions, eq(schema.sessions.id, schema.refreshTokens.sessionId))
    .where(eq(schema.refreshTokens.tokenHash, oldHash))
    .limit(1);

  const now = Date.now();
  if (!found || found.revokedAt || found.expiresAt.getTime() <= now) return { outcome: "invalid" };
  const { sessionId, userId } = found;

  if (found.rotatedAt) {
    if (now - found.rotatedAt.getTime() <= CONCURRENT_REFRESH_GRACE_MS)
      return { outcome: "concurrent", userId, sessionId };
    await db
      .update(schema.sessions)
      .set({ revokedAt: new Date(now) })
      .where(eq(schema.sessions.id, sessionId));
    return { outcome: "reused", userId, sessionId };
  }

  const refreshToken = newRefreshToken();
  const newHash = await hashRefreshToken(refreshToken);
  const client = sessionClientInfo(c);

  // One atomic batch: mark the old token rotated only if no one else did, then insert the new
  // token and extend the session only if that mark is ours (`replaced_by` = the new hash).
  const results = await c.env.DB.batch([
    c.env.DB.prepare(
      "UPDATE refresh_tokens SET rotated_at = ?1, replaced_by = ?2 WHERE token_hash = ?3 AND rotated_at IS NULL",
    ).bind(now, newHash, oldHash),
    c.env.DB.prepare(
      "INSERT INTO refresh_tokens (token_hash, session_id, created_at) SELECT ?1, session_id, ?2 FROM refresh_tokens WHERE token_hash = ?3 AND replaced_by = ?1",
    ).bind(newHash, now, oldHash),
    c.env.DB.prepare(
      `UPDATE sessions SET last_seen_at = ?1, expires_at = ?2, user_agent = ?3, ip_address = ?4, country = ?5, city = ?6
       WHERE id = ?7 AND EXISTS (SELECT 1 FROM refresh_tokens WHERE token_hash = ?8)`,
    ).bind(
      now,
      now + SESSION_TTL_SECONDS * 1000,
      client.userAgent,
      client.ipAddress,
      client.country,
      client.city,
      sessionId,
      newHash,
    ),
  ]);
  if (results[1]?.meta.changes !== 1) return { outcome: "concurrent", userId, sessionId };

  const accessToken = await signAccessToken(c.get("config").jwtSecret, userId, sessionId);
  return { outcome: "rotated", userId, sessionId, accessToken, refreshToken };
}
