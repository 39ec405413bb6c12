import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { AppError, notFound } from "../../core/errors";
import { creditAccount } from "../../credits/account";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, jsonRequest } from "../../openapi/schemas";
import { adjustmentBody, adjustmentResultSchema, userParamsSchema } from "../schemas";

export const adjustCreditsRoute = createRoute({
  method: "post",
  path: "/users/{userId}/adjustments",
  tags: ["Admin"],
  summary: "Add or remove credits, with a reason",
  description:
    "Writes a ledger entry of kind `adjustment` (description = reason, reference = the admin's user id) and an `admin_audit` row. A removal never takes the balance below zero.",
  security: COOKIE_AUTH,
  request: { params: userParamsSchema, body: jsonRequest(adjustmentBody) },
  responses: {
    201: jsonContent(adjustmentResultSchema, "Applied"),
    200: jsonContent(adjustmentResultSchema, "Already applied earlier with this idempotencyKey"),
    ...errorResponses(400, 401, 403, 404, 409, 415),
  },
});

interface AuditDetails {
  amount: number;
  reason: string;
  ledgerKey: string;
  balanceAfter: number;
}

export const adjustCredits: RouteHandler<typeof adjustCreditsRoute, AppEnv> = async (c) => {
  const admin = c.get("user");
  const { userId } = c.req.valid("param");
  const input = c.req.valid("json");
  const db = getDb(c.env.DB);

  const [target] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .limit(1);
  if (!target) throw notFound("User");

  const id = input.idempotencyKey ?? crypto.randomUUID();
  const [earlier] = await db.select().from(schema.adminAudit).where(eq(schema.adminAudit.id, id)).limit(1);
  if (earlier) {
    const details = earlier.details as AuditDetails;
    if (earlier.targetUserId !== userId || details.amount !== input.amount) {
      throw new AppError("conflict", "This idempotencyKey was already used for a different adjustment");
    }
    return c.json({ id, amount: details.amount, balance: details.balanceAfter, replayed: true }, 200);
  }

  // The ledger entry comes first and carries the reason and the admin, so an interruption
  // before the audit row still leaves a record of who changed what. A retry with the same key
  // replays the entry and then writes the audit row.
  const ledgerKey = `adjustment:${id}`;
  const account = creditAccount(c.env, userId);
  const entry = {
    kind: "adjustment" as const,
    idempotencyKey: ledgerKey,
    reference: admin.id,
    description: input.reason,
  };
  let balance: number;
  let replayed: boolean;
  if (input.amount > 0) {
    ({ balance, replayed } = await account.grant(userId, { ...entry, amount: input.amount }));
  } else {
    const result = await account.debit(userId, { ...entry, amount: -input.amount });
    if (!result.ok) {
      throw new AppError(
        "conflict",
        `The balance is ${result.balance}; removing ${result.required} credits would take it below zero`,
        { balance: result.balance, required: result.required },
      );
    }
    ({ balance, replayed } = result);
  }

  // Two requests with one key can race past the audit check above; only the first reaches the
  // ledger. The other must not report (or audit) an amount that was never applied.
  if (replayed) {
    const [stored] = await db
      .select({ amount: schema.creditLedger.amount })
      .from(schema.creditLedger)
      .where(and(eq(schema.creditLedger.userId, userId), eq(schema.creditLedger.idempotencyKey, ledgerKey)))
      .limit(1);
    if (!stored || stored.amount !== input.amount) {
      throw new AppError("conflict", "This idempotencyKey was already used for a different adjustment");
    }
  }

  const details: AuditDetails = { amount: input.amount, reason: input.reason, ledgerKey, balanceAfter: balance };
  await db
    .insert(schema.adminAudit)
    .values({ id, adminId: admin.id, action: "credit_adjustment", targetUserId: userId, details })
    .onConflictDoNothing();
  c.get("log").info("admin credit adjustment", { adminId: admin.id, targetUserId: userId, amount: input.amount, id });

  if (replayed) return c.json({ id, amount: input.amount, balance, replayed: true }, 200);
  return c.json({ id, amount: input.amount, balance, replayed: false }, 201);
};
