import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../core/pagination";
import { getDb } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { sessionSchema } from "../schemas";
import { requireUser } from "../session";
import { liveSessionsQuery } from "../session-list";
import { describeUserAgent } from "../user-agent";

export const listSessionsRoute = createRoute({
  method: "get",
  path: "/sessions",
  tags: ["Auth"],
  summary: "List the user's signed-in sessions, newest first",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(sessionSchema, "SessionPage"), "One page of live sessions"),
    ...errorResponses(400, 401),
  },
});

export const listSessions: RouteHandler<typeof listSessionsRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, z.tuple([z.number().int(), z.string().max(64)])) : null;

  const rows = await liveSessionsQuery(getDb(c.env.DB), user.id, after, limit + 1);
  const page = toPage(
    rows,
    limit,
    (row) => ({
      id: row.id,
      ...describeUserAgent(row.userAgent),
      place: row.country || row.city ? { country: row.country, city: row.city } : null,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.id === user.sessionId,
    }),
    (row) => [row.createdAt.getTime(), row.id],
  );
  return c.json(page, 200);
};
