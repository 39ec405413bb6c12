import { eq } from "drizzle-orm";
import type { PaidTier } from "../billing/catalog";
import { nextPlanState } from "../billing/plan-period";
import type { Env } from "../core/env";
import { getDb, schema } from "../db/client";
import type { Tier } from "../models/tiers";
import type { OrderRow } from "./orders";

const MAX_ATTEMPTS = 5;

/**
 * Applies a paid plan order to its user exactly once. One D1 batch (a single transaction) writes
 * the `plan_grants` row, keyed by the order, and the user's new tier. The row is written only if
 * the user's tier is still what this attempt read, and the user is updated only if this batch
 * wrote the row (matched by a fresh token), so a replay or a concurrent settlement of another
 * plan order never extends a period twice or from stale state; the loser re-reads and retries.
 */
export async function applyPlanOrder(env: Env, order: OrderRow, now: Date): Promise<"applied" | "already_applied"> {
  if (order.itemKind !== "plan" || !order.planTier || !order.planDays) {
    throw new Error(`order ${order.merchantOrderId} is not a plan order`);
  }
  const db = getDb(env.DB);

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const existing = await findGrantToken(env, order.merchantOrderId);
    if (existing) return "already_applied";

    const [user] = await db
      .select({ tier: schema.users.tier, tierExpiresAt: schema.users.tierExpiresAt })
      .from(schema.users)
      .where(eq(schema.users.id, order.userId))
      .limit(1);
    if (!user) throw new Error(`user ${order.userId} of order ${order.merchantOrderId} not found`);

    const next = nextPlanState(
      { tier: user.tier, expiresAt: user.tierExpiresAt },
      { tier: order.planTier, days: order.planDays },
      now,
    );
    const token = crypto.randomUUID();
    const previousExpiresAt = user.tierExpiresAt?.getTime() ?? null;
    const nextExpiresAt = next.expiresAt?.getTime() ?? null;

    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO plan_grants (merchant_order_id, user_id, tier, previous_tier, previous_expires_at, expires_at, token, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
         WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2 AND tier = ?4 AND tier_expires_at IS ?5)
         ON CONFLICT (merchant_order_id) DO NOTHING`,
      ).bind(
        order.merchantOrderId,
        order.userId,
        next.tier as PaidTier,
        user.tier as Tier,
        previousExpiresAt,
        nextExpiresAt,
        token,
        now.getTime(),
      ),
      env.DB.prepare(
        `UPDATE users SET tier = ?1, tier_expires_at = ?2, updated_at = ?3
         WHERE id = ?4 AND EXISTS (SELECT 1 FROM plan_grants WHERE merchant_order_id = ?5 AND token = ?6)`,
      ).bind(next.tier, nextExpiresAt, now.getTime(), order.userId, order.merchantOrderId, token),
    ]);

    const written = await findGrantToken(env, order.merchantOrderId);
    if (written === token) return "applied";
    if (written) return "already_applied";
    // The user's tier changed between the read and the batch (another plan order, or expiry).
  }
  throw new Error(`plan order ${order.merchantOrderId} could not be applied after ${MAX_ATTEMPTS} attempts`);
}

async function findGrantToken(env: Env, merchantOrderId: string): Promise<string | null> {
  const [grant] = await getDb(env.DB)
    .select({ token: schema.planGrants.token })
    .from(schema.planGrants)
    .where(eq(schema.planGrants.merchantOrderId, merchantOrderId))
    .limit(1);
  return grant?.token ?? null;
}
