import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import type { AppEnv } from "../core/context";
import { clientIp, rateLimit } from "../core/middleware/rate-limit";
import { createRouter } from "../openapi/router";
import { errorResponses, jsonContent } from "../openapi/schemas";
import { checkBucket, checkDatabase, checkQueue, checkRenderer } from "./checks";

const checkSchema = z.object({
  status: z.enum(["ok", "error"]),
  durationMs: z.number().int(),
  error: z.string().optional(),
});

const fullHealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    checks: z.object({ database: checkSchema, bucket: checkSchema, queue: checkSchema, renderer: checkSchema }),
  })
  .openapi("FullHealth");

const livenessRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Operations"],
  summary: "Liveness: the Worker runs and its configuration is valid",
  responses: { 200: jsonContent(z.object({ status: z.literal("ok") }), "Alive"), ...errorResponses(503) },
});

const fullRoute = createRoute({
  method: "get",
  path: "/full",
  tags: ["Operations"],
  summary: "Readiness: D1, R2, the render queue binding and the renderer",
  description: "Each check reports its status and duration; any failure makes the response 503.",
  // Each call writes to R2 and calls the renderer, so it is rate-limited per client.
  middleware: [
    rateLimit({ binding: (env) => env.HEALTH_LIMITER, key: (c) => `health:ip:${clientIp(c)}`, retryAfterSeconds: 60 }),
  ] as const,
  responses: {
    200: jsonContent(fullHealthSchema, "Every dependency works"),
    503: jsonContent(fullHealthSchema, "At least one dependency failed"),
    ...errorResponses(429),
  },
});

const liveness: RouteHandler<typeof livenessRoute, AppEnv> = (c) => c.json({ status: "ok" as const }, 200);

const full: RouteHandler<typeof fullRoute, AppEnv> = async (c) => {
  const [database, bucket, queue, renderer] = await Promise.all([
    checkDatabase(c.env),
    checkBucket(c.env),
    checkQueue(c.env),
    checkRenderer(c.env),
  ]);
  const checks = { database, bucket, queue, renderer };
  const healthy = Object.values(checks).every((check) => check.status === "ok");
  if (!healthy) c.get("log").warn("health check failed", { checks });
  return c.json({ status: healthy ? ("ok" as const) : ("degraded" as const), checks }, healthy ? 200 : 503);
};

/** Health endpoints, mounted under `/health`. */
export const healthRoutes = createRouter().openapi(livenessRoute, liveness).openapi(fullRoute, full);
