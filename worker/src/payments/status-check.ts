import type { Env } from "../core/env";
import { logger } from "../core/logger";
import { amountMatches } from "./amount";
import type { DuitkuConfig } from "./config";
import { DuitkuClient, type DuitkuClientOptions, DuitkuError, type TransactionStatus } from "./duitku/client";
import { claimStatusCheck, closeUnpaidOrder, findOrder, type OrderRow } from "./orders";
import { settlePaidOrder } from "./settle";

/** At most one transactionStatus call per order in this interval, across all callers. */
export const STATUS_CHECK_INTERVAL_MS = 10_000;

/**
 * Asks Duitku about a pending order, unless someone asked within the last 10 s, and applies the
 * result: "00" settles it, "01" leaves it pending, any other code marks it failed. A failed
 * check (Duitku down, circuit open) is logged and leaves the order unchanged. Returns the order
 * as stored afterwards.
 */
export async function checkOrderWithDuitku(
  env: Env,
  config: DuitkuConfig,
  order: OrderRow,
  options: DuitkuClientOptions = {},
  now = new Date(),
): Promise<OrderRow> {
  if (order.status !== "pending") return order;
  if (!(await claimStatusCheck(env, order.merchantOrderId, STATUS_CHECK_INTERVAL_MS, now))) return order;

  let status: TransactionStatus;
  try {
    status = await new DuitkuClient(config, options).transactionStatus(order.merchantOrderId);
  } catch (error) {
    if (!(error instanceof DuitkuError)) throw error;
    logger.warn("Duitku status check failed", {
      merchantOrderId: order.merchantOrderId,
      kind: error.kind,
      error: error.message,
    });
    return order;
  }

  await applyTransactionStatus(env, order, status);
  return (await findOrder(env, order.merchantOrderId)) ?? order;
}

async function applyTransactionStatus(env: Env, order: OrderRow, status: TransactionStatus): Promise<void> {
  const log = logger.child({ merchantOrderId: order.merchantOrderId, statusCode: status.statusCode });

  if (status.statusCode === "00") {
    if (status.amount !== null && !amountMatches(status.amount, order.amount)) {
      log.error("Duitku reports the order paid with a different amount; not settling", {
        expected: order.amount,
        received: status.amount,
      });
      return;
    }
    await settlePaidOrder(env, order, { source: "status_check", reference: status.reference, resultCode: "00" });
    return;
  }

  if (status.statusCode === "01") return;

  const closed = await closeUnpaidOrder(env, order.merchantOrderId, "failed", {
    reason: `Duitku reports the payment failed or expired (${status.statusCode} ${status.statusMessage})`.trim(),
    resultCode: status.statusCode,
  });
  if (closed) log.info("order marked failed by status check");
}
