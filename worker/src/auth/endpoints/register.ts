import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { AppError } from "../../core/errors";
import { creditAccount, WELCOME_CREDITS } from "../../credits/account";
import { getDb, schema } from "../../db/client";
import { errorResponses, jsonContent, jsonRequest } from "../../openapi/schemas";
import { signupPerIp } from "../limits";
import { hashPassword } from "../password";
import { assertStrongPassword } from "../password-policy";
import { registerSchema, userSchema } from "../schemas";
import { startSession } from "../session";

export const registerRoute = createRoute({
  method: "post",
  path: "/register",
  tags: ["Auth"],
  summary: "Create an account and sign in",
  description: "Passwords are 12–128 characters of any script and must not be easy to guess (zxcvbn score ≥ 3).",
  middleware: [signupPerIp] as const,
  request: { body: jsonRequest(registerSchema) },
  responses: {
    201: jsonContent(userSchema, "Account created; the session cookies are set"),
    ...errorResponses(400, 409, 413, 415, 429),
  },
});

export const register: RouteHandler<typeof registerRoute, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  assertStrongPassword(input.password, [input.email, input.name], "password");
  const db = getDb(c.env.DB);

  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(input.password);
  const inserted = await db
    .insert(schema.users)
    .values({ id, email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing()
    .returning({ id: schema.users.id });
  if (inserted.length === 0) {
    throw new AppError("conflict", "An account with this email already exists");
  }

  try {
    await creditAccount(c.env, id).grant(id, {
      amount: WELCOME_CREDITS,
      kind: "welcome",
      idempotencyKey: "welcome",
      description: "Welcome credits",
    });
  } catch (error) {
    // An account without its welcome credits would be half-made; remove it so signup can be retried.
    await db.delete(schema.users).where(eq(schema.users.id, id));
    throw error;
  }
  await startSession(c, id);

  return c.json({ id, email: input.email, name: input.name, role: "user" as const, tier: "free" as const }, 201);
};
