import type { z } from "@hono/zod-openapi";
import type { OrderRow } from "./orders";
import type { orderSchema } from "./schemas";

export type OrderView = z.infer<typeof orderSchema>;

/** Converts an order row to the shape its owner and admins see. */
export function toOrderView(order: OrderRow): OrderView {
  return {
    merchantOrderId: order.merchantOrderId,
    itemId: order.itemId,
    itemKind: order.itemKind,
    itemName: order.itemName,
    amount: order.amount,
    credits: order.credits,
    planTier: order.planTier,
    planDays: order.planDays,
    status: order.status,
    paymentMethod: order.paymentMethod,
    reference: order.reference,
    // The invoice can only be paid while the order is pending.
    paymentUrl: order.status === "pending" ? order.paymentUrl : null,
    failureReason: order.failureReason,
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
  };
}
