import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { AppError } from "../../core/errors";
import { clientIp } from "../../core/middleware/rate-limit";
import { getDb, schema } from "../../db/client";
import { effectiveTier } from "../../models/tiers";
import { errorResponses, jsonContent } from "../../openapi/schemas";
import { clearSessionCookies, readRefreshCookie, setSessionCookies } from "../cookies";
import { refreshPerIp } from "../limits";
import { rotateRefreshToken } from "../rotate";
import { userSchema } from "../schemas";

export const refreshRoute = createRoute({
  method: "post",
  path: "/refresh",
  tags: ["Auth"],
  summary: "Rotate the refresh token and issue a new access token",
  description:
    "Call after a 401 `token_expired`. Each refresh token works once: presenting one that was already rotated revokes the whole session.",
  middleware: [refreshPerIp] as const,
  responses: {
    200: jsonContent(userSchema, "Refreshed; new cookies are set (none when a parallel refresh already set them)"),
    ...errorResponses(401, 403, 429),
  },
});

export const refresh: RouteHandler<typeof refreshRoute, AppEnv> = async (c) => {
  const presented = readRefreshCookie(c);
  if (!presented) throw new AppError("unauthorized", "Sign in to continue");

  const result = await rotateRefreshToken(c, presented);
  if (result.outcome === "invalid" || result.outcome === "reused") {
    if (result.outcome === "reused") {
      c.get("log").warn("security event: rotated refresh token presented again; session revoked", {
        event: "refresh_token_reuse",
        userId: result.userId,
        sessionId: result.sessionId,
        ip: clientIp(c),
      });
    }
    clearSessionCookies(c);
    throw new AppError("unauthorized", "Sign in to continue");
  }
  if (result.outcome === "rotated") setSessionCookies(c, result);

  const [user] = await getDb(c.env.DB)
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.users.role,
      tier: schema.users.tier,
      tierExpiresAt: schema.users.tierExpiresAt,
    })
    .from(schema.users)
    .where(eq(schema.users.id, result.userId))
    .limit(1);
  if (!user) throw new AppError("unauthorized", "Sign in to continue");

  const { tierExpiresAt, ...profile } = user;
  return c.json({ ...profile, tier: effectiveTier(user.tier, tierExpiresAt) }, 200);
};
