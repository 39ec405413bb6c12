import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { notFound } from "../../core/errors";
import { creditAccount } from "../../credits/account";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent } from "../../openapi/schemas";
import { adminUserDetailSchema, userParamsSchema } from "../schemas";
import { toAdminUserView } from "../views";

export const getAdminUserRoute = createRoute({
  method: "get",
  path: "/users/{userId}",
  tags: ["Admin"],
  summary: "One user with their credit balance",
  security: COOKIE_AUTH,
  request: { params: userParamsSchema },
  responses: { 200: jsonContent(adminUserDetailSchema, "The user"), ...errorResponses(400, 401, 403, 404) },
});

export const getAdminUser: RouteHandler<typeof getAdminUserRoute, AppEnv> = async (c) => {
  const { userId } = c.req.valid("param");
  const [user] = await getDb(c.env.DB).select().from(schema.users).where(eq(schema.users.id, userId)).limit(1);
  if (!user) throw notFound("User");

  const balance = await creditAccount(c.env, user.id).getBalance(user.id);
  return c.json({ ...toAdminUserView(user), balance }, 200);
};
