import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { AppError } from "../../core/errors";
import { getDb, schema } from "../../db/client";
import { effectiveTier } from "../../models/tiers";
import { errorResponses, jsonContent, jsonRequest } from "../../openapi/schemas";
import { limitLoginPerAccount, loginPerIp } from "../limits";
import { accountLocked, clearFailedLogins, isLocked, recordFailedLogin } from "../lockout";
import { dummyPasswordHash, verifyPassword } from "../password";
import { loginSchema, userSchema } from "../schemas";
import { startSession } from "../session";

export const loginRoute = createRoute({
  method: "post",
  path: "/login",
  tags: ["Auth"],
  summary: "Sign in with email and password",
  description:
    "Five failed attempts lock the account for 15 minutes (429 `account_locked` with `details.retryAt`). Requests are also limited per IP and per account.",
  middleware: [loginPerIp] as const,
  request: { body: jsonRequest(loginSchema) },
  responses: {
    200: jsonContent(userSchema, "Signed in; the session cookies are set"),
    ...errorResponses(400, 401, 413, 415, 429),
  },
});

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  await limitLoginPerAccount(c, input.email);
  const db = getDb(c.env.DB);

  const [user] = await db.select().from(schema.users).where(eq(schema.users.email, input.email)).limit(1);

  // Every path runs exactly one PBKDF2 verification (against a dummy hash for unknown emails and
  // before the lock check), so response time does not reveal whether an account exists.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));

  if (user && isLocked(user.lockedUntil)) throw accountLocked(user.lockedUntil);
  if (!user || !valid) {
    const lockedUntil = user ? await recordFailedLogin(db, user.id) : null;
    if (lockedUntil) {
      c.get("log").warn("account locked after repeated failed logins", { event: "account_locked", userId: user?.id });
      throw accountLocked(lockedUntil);
    }
    throw new AppError("unauthorized", "Email or password is incorrect");
  }

  await clearFailedLogins(db, user.id, user.failedLoginCount);
  await startSession(c, user.id);
  return c.json(
    {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      tier: effectiveTier(user.tier, user.tierExpiresAt),
    },
    200,
  );
};
