import type { Env } from "../core/env";
import { logger } from "../core/logger";
import { requireDuitkuConfig } from "./availability";
import type { DuitkuClientOptions } from "./duitku/client";
import { closeUnpaidOrder, EXPIRY_SLACK_MS, listPendingOrders } from "./orders";
import { checkOrderWithDuitku } from "./status-check";

/** Orders younger than this are left to the callback and the return page's polling. */
const MIN_AGE_MS = 60_000;

// Each order costs a few D1 queries and one Duitku call; 50 keeps a run well inside the Worker
// limit of 1,000 D1 queries per invocation.
const BATCH_SIZE = 50;

export interface ReconcileReport {
  reviewed: number;
  settled: number;
  failed: number;
  expired: number;
}

/**
 * Reconciles pending orders with Duitku: each is checked (throttled like the status route), and
 * one still unpaid after its payment window plus slack is marked expired. Running it again
 * right away changes nothing, because the throttle skips the checks and closed orders are no
 * longer pending.
 */
export async function reconcilePendingOrders(
  env: Env,
  options: { now?: Date; client?: DuitkuClientOptions } = {},
): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const config = requireDuitkuConfig(env);
  const report: ReconcileReport = { reviewed: 0, settled: 0, failed: 0, expired: 0 };

  const pending = await listPendingOrders(env, new Date(now.getTime() - MIN_AGE_MS), BATCH_SIZE);
  for (const order of pending) {
    try {
      const after = await checkOrderWithDuitku(env, config, order, options.client, now);
      report.reviewed += 1;
      if (after.status === "paid") report.settled += 1;
      if (after.status === "failed") report.failed += 1;
      if (after.status !== "pending") continue;

      if (now.getTime() > after.expiresAt.getTime() + EXPIRY_SLACK_MS) {
        const closed = await closeUnpaidOrder(env, order.merchantOrderId, "expired", {
          reason: "The payment window ended without a payment",
        });
        if (closed) report.expired += 1;
      }
    } catch (error) {
      // One broken order must not stop the others; it is retried on the next run.
      logger.error("reconciliation of an order failed", { merchantOrderId: order.merchantOrderId, error });
    }
  }

  if (pending.length > 0) logger.info("payment reconciliation finished", { ...report, pending: pending.length });
  return report;
}
