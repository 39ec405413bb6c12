import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { AppError, invalidField } from "../../core/errors";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonRequest } from "../../openapi/schemas";
import { passwordChangePerAccount, passwordChangePerIp } from "../limits";
import { hashPassword, verifyPassword } from "../password";
import { assertStrongPassword } from "../password-policy";
import { changePasswordSchema } from "../schemas";
import { requireUser } from "../session";

export const changePasswordRoute = createRoute({
  method: "post",
  path: "/password",
  tags: ["Auth"],
  summary: "Change the password and sign out every other session",
  security: COOKIE_AUTH,
  middleware: [passwordChangePerIp, requireUser(), passwordChangePerAccount] as const,
  request: { body: jsonRequest(changePasswordSchema) },
  responses: {
    204: { description: "Changed; every other session is revoked" },
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export const changePassword: RouteHandler<typeof changePasswordRoute, AppEnv> = async (c) => {
  const { currentPassword, newPassword } = c.req.valid("json");
  const user = c.get("user");
  const db = getDb(c.env.DB);

  const [stored] = await db
    .select({ passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.id, user.id))
    .limit(1);
  if (!stored) throw new AppError("unauthorized", "Sign in to continue");
  if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
    throw new AppError("forbidden", "The current password is incorrect", {
      fields: [{ path: "currentPassword", message: "The current password is incorrect" }],
    });
  }
  if (newPassword === currentPassword) throw invalidField("newPassword", "Choose a password you have not used here");
  assertStrongPassword(newPassword, [user.email, user.name], "newPassword");

  // The new hash and the revocation of every other session land together or not at all.
  const now = new Date();
  await db.batch([
    db
      .update(schema.users)
      .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: now, updatedAt: now })
      .where(eq(schema.users.id, user.id)),
    db
      .update(schema.sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(schema.sessions.userId, user.id),
          ne(schema.sessions.id, user.sessionId),
          isNull(schema.sessions.revokedAt),
        ),
      ),
  ]);
  c.get("log").info("password changed; other sessions revoked", { event: "password_changed", userId: user.id });
  return c.body(null, 204);
};
