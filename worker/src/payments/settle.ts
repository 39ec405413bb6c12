import { and, eq, isNull, sql } from "drizzle-orm";
import type { Env } from "../core/env";
import { logger } from "../core/logger";
import { creditAccount } from "../credits/account";
import { getDb, schema } from "../db/client";
import type { OrderRow } from "./orders";
import { applyPlanOrder } from "./plan-grant";

const orders = schema.paymentOrders;

/** Ledger key of the credits an order buys; the CreditAccount adds them at most once per key. */
export function orderLedgerKey(merchantOrderId: string): string {
  return `order:${merchantOrderId}`;
}

export interface PaymentEvidence {
  source: "callback" | "status_check";
  reference: string | null;
  resultCode: string;
}

/**
 * Settles a paid order: adds its credits or applies its plan, then marks it paid. Every step is
 * idempotent by the merchantOrderId, so running it again, concurrently, or after a crash between
 * the steps finishes the work without adding anything twice:
 *
 * 1. Credits go through `CreditAccount.grant` with key `order:{merchantOrderId}`; a replay returns
 *    the first entry. Plans go through `applyPlanOrder`, keyed by the order in `plan_grants`.
 * 2. The order row is marked paid only where `fulfilled_at` is still empty.
 *
 * A verified payment settles even an order already marked failed or expired: the money arrived,
 * so the user gets what they paid for.
 */
export async function settlePaidOrder(
  env: Env,
  order: OrderRow,
  evidence: PaymentEvidence,
): Promise<{ replayed: boolean }> {
  if (order.fulfilledAt) return { replayed: true };
  const now = new Date();
  const log = logger.child({ merchantOrderId: order.merchantOrderId, userId: order.userId, source: evidence.source });

  if (order.status !== "pending") {
    log.warn("payment arrived for an order that was closed; settling it", { status: order.status });
  }

  if (order.itemKind === "credits") {
    if (!order.credits) throw new Error(`order ${order.merchantOrderId} has no credit amount`);
    await creditAccount(env, order.userId).grant(order.userId, {
      amount: order.credits,
      kind: "topup",
      idempotencyKey: orderLedgerKey(order.merchantOrderId),
      reference: order.merchantOrderId,
      description: order.itemName,
    });
  } else {
    await applyPlanOrder(env, order, now);
  }

  const marked = await getDb(env.DB)
    .update(orders)
    .set({
      status: "paid",
      paidAt: sql`coalesce(${orders.paidAt}, ${now.getTime()})`,
      fulfilledAt: now,
      settledBy: evidence.source,
      resultCode: evidence.resultCode,
      reference: sql`coalesce(${orders.reference}, ${evidence.reference})`,
      failureReason: null,
      updatedAt: now,
    })
    .where(and(eq(orders.merchantOrderId, order.merchantOrderId), isNull(orders.fulfilledAt)))
    .returning({ id: orders.merchantOrderId });

  const replayed = marked.length === 0;
  if (!replayed) log.info("payment settled", { itemId: order.itemId, amount: order.amount });
  return { replayed };
}
