import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/context";
import { getDb } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent } from "../../openapi/schemas";
import { revokedCountSchema } from "../schemas";
import { requireUser, revokeOtherSessions } from "../session";

export const revokeOtherSessionsRoute = createRoute({
  method: "post",
  path: "/sessions/revoke-others",
  tags: ["Auth"],
  summary: "Sign out every session except this one",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  responses: {
    200: jsonContent(revokedCountSchema, "How many sessions were revoked"),
    ...errorResponses(401, 403),
  },
});

export const revokeOthers: RouteHandler<typeof revokeOtherSessionsRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const revoked = await revokeOtherSessions(getDb(c.env.DB), user.id, user.sessionId);
  return c.json({ revoked }, 200);
};
