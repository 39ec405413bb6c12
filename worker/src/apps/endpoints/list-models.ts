import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { z } from "zod";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { notFound } from "../../core/errors";
import { decodeCursor, pageQuerySchema, toPage } from "../../core/pagination";
import { getDb } from "../../db/client";
import { usableModelsQuery } from "../../models/catalog";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { findApp } from "../registry";
import { aiModelSchema, appIdParamsSchema } from "../schemas";

export const listModelsRoute = createRoute({
  method: "get",
  path: "/{appId}/models",
  tags: ["Apps"],
  summary: "The enabled models of an app that the user's tier includes",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { params: appIdParamsSchema, query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(aiModelSchema, "AiModelPage"), "One page of models"),
    ...errorResponses(400, 401, 404),
  },
});

export const listModels: RouteHandler<typeof listModelsRoute, AppEnv> = async (c) => {
  const { appId } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  if (!findApp(appId)) throw notFound("App");
  const after = cursor ? decodeCursor(cursor, z.tuple([z.string().max(100)]))[0] : null;

  const rows = await usableModelsQuery(getDb(c.env.DB), appId, c.get("user").tier, after, limit + 1);
  const page = toPage(
    rows,
    limit,
    (row) => ({ id: row.modelId, appId: row.appId, name: row.name, tier: row.tier, creditCost: row.creditCost }),
    (row) => [row.modelId],
  );
  return c.json(page, 200);
};
