import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { z } from "zod";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../core/pagination";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { dashboardAppsForTier } from "../catalog";
import { dashboardAppSchema } from "../schemas";

export const listAppsRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Apps"],
  summary: "The dashboard: every app, in dashboard order, with whether this user can open it",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(dashboardAppSchema, "DashboardAppPage"), "One page of apps"),
    ...errorResponses(400, 401),
  },
});

export const listApps: RouteHandler<typeof listAppsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  const afterOrder = cursor ? decodeCursor(cursor, z.tuple([z.number().int()]))[0] : null;

  const apps = await dashboardAppsForTier(c, c.get("user").tier);
  const remaining = afterOrder === null ? apps : apps.filter((app) => app.dashboardOrder > afterOrder);
  return c.json(
    toPage(
      remaining.slice(0, limit + 1),
      limit,
      (app) => app,
      (app) => [app.dashboardOrder],
    ),
    200,
  );
};
