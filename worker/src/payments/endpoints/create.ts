import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireUser } from "../../auth/session";
import { findCatalogItem, type PaidTier } from "../../billing/catalog";
import type { AppEnv } from "../../core/context";
import type { Env } from "../../core/env";
import { AppError } from "../../core/errors";
import { rateLimit } from "../../core/middleware/rate-limit";
import { getDb, schema } from "../../db/client";
import { tierRank } from "../../models/tiers";
import { COOKIE_AUTH, errorResponses, jsonContent, jsonRequest } from "../../openapi/schemas";
import { requireDuitkuConfig } from "../availability";
import { DuitkuClient, DuitkuError } from "../duitku/client";
import { closeUnpaidOrder, insertOrder, newMerchantOrderId, PAYMENT_WINDOW_MINUTES, recordInvoice } from "../orders";
import { createdPaymentSchema, createPaymentBody } from "../schemas";

export const createPaymentRoute = createRoute({
  method: "post",
  path: "/",
  tags: ["Payments"],
  summary: "Start buying a credit package or plan through Duitku",
  description:
    "Creates an order at the catalogue price and a Duitku invoice for it; send the browser to `paymentUrl`. Limited to 10 per minute per user.",
  security: COOKIE_AUTH,
  middleware: [
    requireUser(),
    rateLimit({
      binding: (env) => env.PAYMENT_LIMITER,
      key: (c) => `payment:user:${c.get("user").id}`,
      retryAfterSeconds: 60,
    }),
  ] as const,
  request: { body: jsonRequest(createPaymentBody) },
  responses: {
    201: jsonContent(createdPaymentSchema, "The order and where to pay it"),
    ...errorResponses(400, 401, 409, 415, 429, 503),
  },
});

export const createPayment: RouteHandler<typeof createPaymentRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const input = c.req.valid("json");
  const config = requireDuitkuConfig(c.env);

  const item = findCatalogItem(input.itemId);
  if (!item)
    throw new AppError("invalid_request", `Unknown itemId "${input.itemId}"; pick one from /api/billing/catalog`);
  if (item.kind === "plan") await assertPlanCanBeBought(c.env, user.id, item.tier);

  const now = new Date();
  const order = await insertOrder(c.env, {
    merchantOrderId: newMerchantOrderId(now.getTime()),
    userId: user.id,
    item,
    paymentMethod: input.paymentMethod ?? null,
    now,
  });
  const log = c.get("log").child({ merchantOrderId: order.merchantOrderId, itemId: item.id });

  try {
    const invoice = await new DuitkuClient(config).createInvoice({
      merchantOrderId: order.merchantOrderId,
      amount: order.amount,
      productDetails: `Lumiku ${item.name}`,
      email: user.email,
      customerName: user.name,
      paymentMethod: input.paymentMethod,
      userId: user.id,
      expiryMinutes: PAYMENT_WINDOW_MINUTES,
    });
    // The browser is sent to this URL, so it must not be able to run script or downgrade to http.
    if (config.production && !invoice.paymentUrl.startsWith("https://")) {
      throw new DuitkuError("invalid_response", "createInvoice returned a paymentUrl that is not https");
    }
    await recordInvoice(c.env, order.merchantOrderId, invoice);
    log.info("payment created", { amount: order.amount, reference: invoice.reference });

    return c.json(
      {
        merchantOrderId: order.merchantOrderId,
        paymentUrl: invoice.paymentUrl,
        reference: invoice.reference,
        amount: order.amount,
        status: "pending" as const,
        expiresAt: order.expiresAt.toISOString(),
      },
      201,
    );
  } catch (error) {
    if (!(error instanceof DuitkuError)) throw error;

    // Without an invoice the user has no way to pay this order, so it is closed at once.
    await closeUnpaidOrder(c.env, order.merchantOrderId, "failed", {
      reason: `Creating the invoice failed: ${error.message}`,
    });
    log.warn("Duitku createInvoice failed", { kind: error.kind, error: error.message });

    const retryAfterSeconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000));
    throw new AppError(
      "service_unavailable",
      error.kind === "unavailable"
        ? "The payment provider is unavailable; try again in a minute"
        : "The payment provider refused to create the payment; try again later",
      { merchantOrderId: order.merchantOrderId },
      { "Retry-After": String(retryAfterSeconds) },
    );
  }
};

/**
 * Rejects a plan at or below a tier the user has without an end date (granted by an
 * operator), because paying for it would change nothing.
 */
async function assertPlanCanBeBought(env: Env, userId: string, tier: PaidTier): Promise<void> {
  const [row] = await getDb(env.DB)
    .select({ tier: schema.users.tier, tierExpiresAt: schema.users.tierExpiresAt })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .limit(1);
  if (row && row.tier !== "free" && row.tierExpiresAt === null && tierRank(row.tier) >= tierRank(tier)) {
    throw new AppError("conflict", `Your account already has the ${row.tier} tier without an end date`);
  }
}
