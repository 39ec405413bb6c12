import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/context";
import { jsonContent } from "../../openapi/schemas";
import { CREDIT_PACKAGES, PLANS } from "../catalog";
import { catalogSchema } from "../schemas";

export const catalogRoute = createRoute({
  method: "get",
  path: "/catalog",
  tags: ["Billing"],
  summary: "Credit packages and plans with their prices",
  description: "Public. Orders take price, credits and plan from this table, never from the request.",
  responses: { 200: jsonContent(catalogSchema, "The catalogue") },
});

export const catalog: RouteHandler<typeof catalogRoute, AppEnv> = (c) => {
  c.header("Cache-Control", "public, max-age=300");
  return c.json(
    {
      currency: "IDR" as const,
      packages: CREDIT_PACKAGES.map(({ id, name, price, credits }) => ({ id, name, price, credits })),
      plans: PLANS.map(({ id, name, price, tier, days }) => ({ id, name, price, tier, days })),
    },
    200,
  );
};
