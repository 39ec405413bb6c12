import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { CatalogItem } from "../billing/catalog";
import type { Env } from "../core/env";
import { getDb, schema } from "../db/client";

export type OrderRow = typeof schema.paymentOrders.$inferSelect;
export type OrderStatus = OrderRow["status"];

const orders = schema.paymentOrders;

/** Minutes Duitku keeps an invoice payable. */
export const PAYMENT_WINDOW_MINUTES = 60;

/**
 * Extra time after the window before reconciliation expires an order, so that a payment made in
 * the last minute still has its callback or status check land first.
 */
export const EXPIRY_SLACK_MS = 15 * 60 * 1000;

/**
 * Creates a merchantOrderId: prefix, creation time in base 36 and 40 random bits, e.g.
 * `LMK-MIS2K1Q0-9F1C2A7B3D` (22 characters; Duitku allows 50). Only letters, digits and dashes,
 * so it is safe in URLs and signatures.
 */
export function newMerchantOrderId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(5));
  const hex = [...random].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `LMK-${now.toString(36).toUpperCase()}-${hex.toUpperCase()}`;
}

export async function insertOrder(
  env: Env,
  input: { merchantOrderId: string; userId: string; item: CatalogItem; paymentMethod: string | null; now: Date },
): Promise<OrderRow> {
  const { item } = input;
  const [row] = await getDb(env.DB)
    .insert(orders)
    .values({
      merchantOrderId: input.merchantOrderId,
      userId: input.userId,
      itemId: item.id,
      itemKind: item.kind,
      itemName: item.name,
      amount: item.price,
      credits: item.kind === "credits" ? item.credits : null,
      planTier: item.kind === "plan" ? item.tier : null,
      planDays: item.kind === "plan" ? item.days : null,
      paymentMethod: input.paymentMethod,
      createdAt: input.now,
      updatedAt: input.now,
      expiresAt: new Date(input.now.getTime() + PAYMENT_WINDOW_MINUTES * 60 * 1000),
    })
    .returning();
  if (!row) throw new Error("order insert returned no row");
  return row;
}

export async function findOrder(env: Env, merchantOrderId: string): Promise<OrderRow | undefined> {
  const [row] = await getDb(env.DB).select().from(orders).where(eq(orders.merchantOrderId, merchantOrderId)).limit(1);
  return row;
}

export async function recordInvoice(
  env: Env,
  merchantOrderId: string,
  invoice: { reference: string; paymentUrl: string },
) {
  await getDb(env.DB)
    .update(orders)
    .set({ reference: invoice.reference, paymentUrl: invoice.paymentUrl, updatedAt: new Date() })
    .where(eq(orders.merchantOrderId, merchantOrderId));
}

/**
 * Marks a pending order failed or expired. An order that was paid meanwhile is left alone, so a
 * late "failed" report can never undo a payment.
 */
export async function closeUnpaidOrder(
  env: Env,
  merchantOrderId: string,
  status: "failed" | "expired",
  details: { reason: string; resultCode?: string | null },
): Promise<boolean> {
  const rows = await getDb(env.DB)
    .update(orders)
    .set({
      status,
      failureReason: details.reason,
      ...(details.resultCode ? { resultCode: details.resultCode } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(orders.merchantOrderId, merchantOrderId), eq(orders.status, "pending")))
    .returning({ id: orders.merchantOrderId });
  return rows.length > 0;
}

/**
 * Claims the right to ask Duitku about a pending order, at most once per `intervalMs`. The claim
 * is a conditional write in D1, so concurrent pollers and the Cron Trigger share one budget.
 */
export async function claimStatusCheck(
  env: Env,
  merchantOrderId: string,
  intervalMs: number,
  now: Date,
): Promise<boolean> {
  const rows = await getDb(env.DB)
    .update(orders)
    .set({ lastStatusCheckAt: now })
    .where(
      and(
        eq(orders.merchantOrderId, merchantOrderId),
        eq(orders.status, "pending"),
        or(isNull(orders.lastStatusCheckAt), lte(orders.lastStatusCheckAt, new Date(now.getTime() - intervalMs))),
      ),
    )
    .returning({ id: orders.merchantOrderId });
  return rows.length > 0;
}

/** Pending orders for reconciliation, oldest first. */
export async function listPendingOrders(env: Env, createdBefore: Date, limit: number): Promise<OrderRow[]> {
  return getDb(env.DB)
    .select()
    .from(orders)
    .where(and(eq(orders.status, "pending"), lte(orders.createdAt, createdBefore)))
    .orderBy(orders.createdAt)
    .limit(limit);
}
