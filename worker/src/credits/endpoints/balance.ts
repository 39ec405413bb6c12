import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { COOKIE_AUTH, errorResponses, jsonContent } from "../../openapi/schemas";
import { creditAccount } from "../account";

export const balanceRoute = createRoute({
  method: "get",
  path: "/balance",
  tags: ["Credits"],
  summary: "The user's credit balance",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  responses: {
    200: jsonContent(z.object({ balance: z.number().int() }).openapi("CreditBalance"), "The balance"),
    ...errorResponses(401),
  },
});

export const balance: RouteHandler<typeof balanceRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  return c.json({ balance: await creditAccount(c.env, user.id).getBalance(user.id) }, 200);
};
