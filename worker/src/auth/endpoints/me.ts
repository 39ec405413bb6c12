import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/context";
import { creditAccount } from "../../credits/account";
import { COOKIE_AUTH, errorResponses, jsonContent } from "../../openapi/schemas";
import { meSchema } from "../schemas";
import { requireUser } from "../session";

export const meRoute = createRoute({
  method: "get",
  path: "/me",
  tags: ["Auth"],
  summary: "The signed-in user and their credit balance",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  responses: {
    200: jsonContent(meSchema, "The signed-in user"),
    ...errorResponses(401),
  },
});

export const me: RouteHandler<typeof meRoute, AppEnv> = async (c) => {
  const { sessionId: _sessionId, ...user } = c.get("user");
  const balance = await creditAccount(c.env, user.id).getBalance(user.id);
  return c.json({ ...user, balance }, 200);
};
