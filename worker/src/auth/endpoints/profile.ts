import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, jsonRequest } from "../../openapi/schemas";
import { profileSchema, userSchema } from "../schemas";
import { requireUser } from "../session";

export const updateProfileRoute = createRoute({
  method: "patch",
  path: "/profile",
  tags: ["Auth"],
  summary: "Change the display name",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { body: jsonRequest(profileSchema) },
  responses: {
    200: jsonContent(userSchema, "The updated user"),
    ...errorResponses(400, 401, 403, 413, 415),
  },
});

export const updateProfile: RouteHandler<typeof updateProfileRoute, AppEnv> = async (c) => {
  const { name } = c.req.valid("json");
  const { sessionId: _sessionId, ...user } = c.get("user");

  await getDb(c.env.DB).update(schema.users).set({ name, updatedAt: new Date() }).where(eq(schema.users.id, user.id));
  return c.json({ ...user, name }, 200);
};
