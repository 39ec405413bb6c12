import type { z } from "@hono/zod-openapi";
import type { schema } from "../db/client";
import { effectiveTier } from "../models/tiers";
import type { adminUserSchema, ledgerEntrySchema } from "./schemas";

export function toAdminUserView(user: typeof schema.users.$inferSelect): z.infer<typeof adminUserSchema> {
  const tier = effectiveTier(user.tier, user.tierExpiresAt);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tier,
    tierExpiresAt: tier === "free" ? null : (user.tierExpiresAt?.toISOString() ?? null),
    createdAt: user.createdAt.toISOString(),
  };
}

export function toLedgerEntryView(row: typeof schema.creditLedger.$inferSelect): z.infer<typeof ledgerEntrySchema> {
  return {
    seq: row.seq,
    amount: row.amount,
    balanceAfter: row.balanceAfter,
    kind: row.kind,
    reference: row.reference,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
  };
}
