import { and, eq, gt, isNull } from "drizzle-orm";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { jwtVerify, SignJWT } from "jose";
import type { AppContext, AppEnv, SessionUser } from "../core/context";
import { AppError } from "../core/errors";
import { getDb, schema } from "../db/client";

export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

/** `__Host-` pins the cookie to this exact origin; browsers accept the prefix only with `Secure`. */
export function sessionCookieName(c: AppContext): string {
  return c.get("config").secureCookies ? "__Host-lumiku_session" : "lumiku_session";
}

function signingKey(c: AppContext): Uint8Array {
  return new TextEncoder().encode(c.get("config").jwtSecret);
}

/** Creates a session row and sets the cookie that carries its signed token. */
export async function startSession(c: AppContext, userId: string): Promise<void> {
  const now = Date.now();
  const sessionId = crypto.randomUUID();
  await getDb(c.env.DB)
    .insert(schema.sessions)
    .values({
      id: sessionId,
      userId,
      userAgent: c.req.header("user-agent")?.slice(0, 400) ?? null,
      ipAddress: c.req.header("cf-connecting-ip") ?? null,
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + SESSION_TTL_SECONDS * 1000),
    });

  const token = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(now / 1000) + SESSION_TTL_SECONDS)
    .sign(signingKey(c));

  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    secure: c.get("config").secureCookies,
    sameSite: "Lax",
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
}

export async function endSession(c: AppContext, sessionId: string): Promise<void> {
  await getDb(c.env.DB).update(schema.sessions).set({ revokedAt: new Date() }).where(eq(schema.sessions.id, sessionId));
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: c.get("config").secureCookies });
}

async function readSession(c: AppContext): Promise<SessionUser | null> {
  const token = getCookie(c, sessionCookieName(c));
  if (!token) return null;

  let claims: { sub?: string; sid?: unknown };
  try {
    // The algorithm is pinned: a token whose header names another one (or `none`) is rejected.
    ({ payload: claims } = await jwtVerify(token, signingKey(c), { algorithms: ["HS256"] }));
  } catch {
    return null;
  }
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string") return null;

  const rows = await getDb(c.env.DB)
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.users.role,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(
      and(
        eq(schema.sessions.id, claims.sid),
        eq(schema.sessions.userId, claims.sub),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, new Date()),
      ),
    )
    .limit(1);
  const user = rows[0];
  return user ? { ...user, sessionId: claims.sid } : null;
}

/** Rejects the request with 401 unless it carries a live session; sets `c.var.user`. */
export function requireUser() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = await readSession(c);
    if (!user) throw new AppError("unauthorized", "Sign in to continue");
    c.set("user", user);
    await next();
  });
}
