import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { notFound } from "../../core/errors";
import { getDb, schema } from "../../db/client";
import { effectiveTier } from "../../models/tiers";
import { COOKIE_AUTH, errorResponses, jsonContent } from "../../openapi/schemas";
import { planStateSchema } from "../schemas";

export const planRoute = createRoute({
  method: "get",
  path: "/plan",
  tags: ["Billing"],
  summary: "The signed-in user's tier and when it ends",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  responses: { 200: jsonContent(planStateSchema, "The current plan"), ...errorResponses(401) },
});

export const plan: RouteHandler<typeof planRoute, AppEnv> = async (c) => {
  const [user] = await getDb(c.env.DB)
    .select({ tier: schema.users.tier, tierExpiresAt: schema.users.tierExpiresAt })
    .from(schema.users)
    .where(eq(schema.users.id, c.get("user").id))
    .limit(1);
  if (!user) throw notFound("User");

  const tier = effectiveTier(user.tier, user.tierExpiresAt);
  return c.json({ tier, expiresAt: tier === "free" ? null : (user.tierExpiresAt?.toISOString() ?? null) }, 200);
};
