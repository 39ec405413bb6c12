import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppContext, AppEnv } from "../../core/context";
import { AppError } from "../../core/errors";
import { getDb, schema } from "../../db/client";
import { errorResponses } from "../../openapi/schemas";
import { clearSessionCookies, readRefreshCookie } from "../cookies";
import { hashRefreshToken, REFRESH_TOKEN_PATTERN } from "../refresh-tokens";
import { authenticate, endSession } from "../session";

export const logoutRoute = createRoute({
  method: "post",
  path: "/logout",
  tags: ["Auth"],
  summary: "Sign out: revoke this session and clear its cookies",
  description: "Works with an expired access token too: the refresh cookie identifies the session.",
  responses: {
    204: { description: "Signed out" },
    ...errorResponses(403),
  },
});

/** Finds the session from the access token, or from the refresh token once the access token expired. */
async function currentSessionId(c: AppContext): Promise<string | null> {
  try {
    return (await authenticate(c)).sessionId;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }

  const refreshToken = readRefreshCookie(c);
  if (!refreshToken || !REFRESH_TOKEN_PATTERN.test(refreshToken)) return null;
  const [row] = await getDb(c.env.DB)
    .select({ sessionId: schema.refreshTokens.sessionId })
    .from(schema.refreshTokens)
    .where(eq(schema.refreshTokens.tokenHash, await hashRefreshToken(refreshToken)))
    .limit(1);
  return row?.sessionId ?? null;
}

export const logout: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  const sessionId = await currentSessionId(c);
  if (sessionId) await endSession(c, sessionId);
  else clearSessionCookies(c);
  return c.body(null, 204);
};
