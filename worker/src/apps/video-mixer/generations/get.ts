import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../../core/context";
import { getDb } from "../../../db/client";
import { errorResponses, generationParams, generationSchema, jsonContent } from "../schemas";
import { listOutputs } from "./lifecycle";
import { findOwnedGeneration } from "./queries";
import { toGeneration } from "./serialize";

export const getGenerationRoute = createRoute({
  method: "get",
  path: "/generations/{generationId}",
  tags: ["Video Mixer"],
  summary: "Get a generation with every output's status and progress",
  request: { params: generationParams },
  responses: { 200: jsonContent(generationSchema, "The generation"), ...errorResponses(400, 401, 404) },
});

export const getGeneration: RouteHandler<typeof getGenerationRoute, AppEnv> = async (c) => {
  const { generationId } = c.req.valid("param");
  const generation = await findOwnedGeneration(getDb(c.env.DB), c.get("user").id, generationId);
  return c.json(toGeneration(generation, await listOutputs(c.env, generation.id)), 200);
};
