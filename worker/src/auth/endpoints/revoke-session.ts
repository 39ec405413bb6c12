import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { notFound } from "../../core/errors";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses } from "../../openapi/schemas";
import { clearSessionCookies } from "../cookies";
import { sessionParamsSchema } from "../schemas";
import { requireUser } from "../session";

export const revokeSessionRoute = createRoute({
  method: "delete",
  path: "/sessions/{sessionId}",
  tags: ["Auth"],
  summary: "Sign out one session; revoking the current one signs this browser out",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { params: sessionParamsSchema },
  responses: {
    204: { description: "Revoked" },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const revokeSession: RouteHandler<typeof revokeSessionRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { sessionId } = c.req.valid("param");

  // The user id in the filter makes another user's session indistinguishable from a missing one.
  const revoked = await getDb(c.env.DB)
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(schema.sessions.id, sessionId), eq(schema.sessions.userId, user.id), isNull(schema.sessions.revokedAt)),
    )
    .returning({ id: schema.sessions.id });
  if (revoked.length === 0) throw notFound("Session");

  if (sessionId === user.sessionId) clearSessionCookies(c);
  return c.body(null, 204);
};
