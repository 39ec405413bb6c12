import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../core/context";
import { AppError } from "../core/errors";
import { clientIp, rateLimit } from "../core/middleware/rate-limit";
import { jsonBody } from "../core/validate";
import { creditAccount, WELCOME_CREDITS } from "../credits/account";
import { getDb, schema } from "../db/client";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { loginSchema, registerSchema } from "./schemas";
import { endSession, requireUser, startSession } from "./session";

const authLimit = (action: string) =>
  rateLimit({
    binding: (env) => env.AUTH_LIMITER,
    key: (c) => `${action}:ip:${clientIp(c)}`,
    retryAfterSeconds: 60,
  });

export const authRoutes = new Hono<AppEnv>()
  .post("/register", authLimit("register"), jsonBody(registerSchema), async (c) => {
    const input = c.req.valid("json");
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

    return c.json({ id, email: input.email, name: input.name, role: "user" as const }, 201);
  })

  .post("/login", authLimit("login"), jsonBody(loginSchema), async (c) => {
    const input = c.req.valid("json");
    const [user] = await getDb(c.env.DB)
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, input.email))
      .limit(1);

    // Verify against a dummy hash for unknown emails so both paths cost one PBKDF2 run.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !valid) throw new AppError("unauthorized", "Email or password is incorrect");

    await startSession(c, user.id);
    return c.json({ id: user.id, email: user.email, name: user.name, role: user.role });
  })

  .post("/logout", requireUser(), async (c) => {
    await endSession(c, c.get("user").sessionId);
    return c.body(null, 204);
  })

  .get("/me", requireUser(), async (c) => {
    const { sessionId: _sessionId, ...user } = c.get("user");
    const balance = await creditAccount(c.env, user.id).getBalance(user.id);
    return c.json({ ...user, balance });
  });
