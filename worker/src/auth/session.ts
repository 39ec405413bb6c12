import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv, SessionUser } from "../core/context";
import { AppError } from "../core/errors";
import { type Database, getDb, schema } from "../db/client";
import { effectiveTier } from "../models/tiers";
import {
  accessCookieName,
  clearSessionCookies,
  readAccessCookie,
  readRefreshCookie,
  SESSION_TTL_SECONDS,
  setSessionCookies,
} from "./cookies";
import { hashRefreshToken, newRefreshToken } from "./refresh-tokens";
import { signAccessToken, verifyAccessToken } from "./tokens";

export { ACCESS_TOKEN_TTL_SECONDS, SESSION_TTL_SECONDS } from "./cookies";

/** Name of the cookie that authenticates requests (the access token). */
export const sessionCookieName = accessCookieName;

/** Returns where the request came from, as Cloudflare's edge reports it. Both are null in local dev. */
export function requestPlace(c: AppContext): { country: string | null; city: string | null } {
  const cf = c.req.raw.cf as { country?: unknown; city?: unknown } | undefined;
  return {
    country: typeof cf?.country === "string" ? cf.country : null,
    city: typeof cf?.city === "string" ? cf.city : null,
  };
}

/** Collects the request details stored on a session row and refreshed on every token rotation. */
export function sessionClientInfo(c: AppContext) {
  return {
    userAgent: c.req.header("user-agent")?.slice(0, 400) ?? null,
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    ...requestPlace(c),
  };
}

/**
 * Creates a session row with its first refresh token and sets both cookies. The two rows are
 * written in one batch, so a session never exists without a way to refresh it.
 */
export async function startSession(c: AppContext, userId: string): Promise<string> {
  const now = Date.now();
  const sessionId = crypto.randomUUID();
  const refreshToken = newRefreshToken();
  const db = getDb(c.env.DB);

  await db.batch([
    db.insert(schema.sessions).values({
      id: sessionId,
      userId,
      ...sessionClientInfo(c),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + SESSION_TTL_SECONDS * 1000),
    }),
    db.insert(schema.refreshTokens).values({
      tokenHash: await hashRefreshToken(refreshToken),
      sessionId,
      createdAt: new Date(now),
    }),
  ]);

  const accessToken = await signAccessToken(c.get("config").jwtSecret, userId, sessionId);
  setSessionCookies(c, { accessToken, refreshToken });
  return sessionId;
}

/** Revokes one session at once (its access token stops working on the next request) and clears the cookies. */
export async function endSession(c: AppContext, sessionId: string): Promise<void> {
  await getDb(c.env.DB)
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(schema.sessions.id, sessionId), isNull(schema.sessions.revokedAt)));
  clearSessionCookies(c);
}

/** Revokes every live session of the user except `keepSessionId`; returns how many were revoked. */
export async function revokeOtherSessions(db: Database, userId: string, keepSessionId: string): Promise<number> {
  const revoked = await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, keepSessionId), isNull(schema.sessions.revokedAt)),
    )
    .returning({ id: schema.sessions.id });
  return revoked.length;
}

/**
 * Resolves the signed-in user from the access cookie with one indexed query (session by primary
 * key, joined to its user), so a revoked session is rejected on its very next request.
 * Throws 401 `token_expired` when the access token has expired (or is gone while a refresh
 * cookie remains) so the client knows to refresh, and 401 `unauthorized` otherwise.
 */
export async function authenticate(c: AppContext): Promise<SessionUser> {
  const token = readAccessCookie(c);
  if (!token) {
    if (readRefreshCookie(c)) throw new AppError("token_expired", "The session token expired; refresh it");
    throw new AppError("unauthorized", "Sign in to continue");
  }

  const check = await verifyAccessToken(c.get("config").jwtSecret, token);
  if (!check.ok) {
    if (check.reason === "expired") throw new AppError("token_expired", "The session token expired; refresh it");
    throw new AppError("unauthorized", "Sign in to continue");
  }

  const [row] = await getDb(c.env.DB)
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.users.role,
      tier: schema.users.tier,
      tierExpiresAt: schema.users.tierExpiresAt,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(
      and(
        eq(schema.sessions.id, check.sessionId),
        eq(schema.sessions.userId, check.userId),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) throw new AppError("unauthorized", "Sign in to continue");

  const { tierExpiresAt, ...user } = row;
  return { ...user, tier: effectiveTier(user.tier, tierExpiresAt), sessionId: check.sessionId };
}

/** Rejects the request with 401 unless it carries a live session; sets `c.var.user`. */
export function requireUser() {
  return createMiddleware<AppEnv>(async (c, next) => {
    // Another guard on this route may have authenticated the request already.
    if (!c.get("user")) c.set("user", await authenticate(c));
    await next();
  });
}
