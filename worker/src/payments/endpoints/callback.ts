import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../core/context";
import { AppError } from "../../core/errors";
import { clientIp, rateLimit } from "../../core/middleware/rate-limit";
import { errorResponses } from "../../openapi/schemas";
import { amountMatches } from "../amount";
import { requireDuitkuConfig } from "../availability";
import { callbackSignature, signaturesMatch } from "../duitku/signature";
import { closeUnpaidOrder, findOrder } from "../orders";
import { settlePaidOrder } from "../settle";

// Duitku's callback fields. Only the signed ones and the result decide anything.
const callbackFields = {
  merchantCode: z.string().min(1).max(50),
  merchantOrderId: z.string().min(1).max(64),
  resultCode: z.string().min(1).max(8).openapi({ description: '"00" paid, "01" failed' }),
  signature: z
    .string()
    .min(1)
    .max(128)
    .openapi({ description: "md5(merchantCode + amount + merchantOrderId + apiKey)" }),
  reference: z.string().max(100).optional(),
  paymentCode: z.string().max(20).optional(),
  productDetail: z.string().max(1000).optional(),
  additionalParam: z.string().max(1000).optional(),
  merchantUserId: z.string().max(100).optional(),
  spUserHash: z.string().max(200).optional(),
};

const formCallbackSchema = z
  .object({ ...callbackFields, amount: z.string().min(1).max(32).openapi({ example: "99000" }) })
  .openapi("DuitkuCallback");

// JSON is accepted for tests and tools; a JSON number keeps the digits it was sent with.
const jsonCallbackSchema = z.object({ ...callbackFields, amount: z.union([z.string().min(1).max(32), z.number()]) });

/**
 * Rejects a callback from outside DUITKU_CALLBACK_IPS (when set) before its body is read. It
 * also responds with 503 when payments are not configured.
 */
const callbackSourceGuard = createMiddleware<AppEnv>(async (c, next) => {
  const config = requireDuitkuConfig(c.env);
  if (config.callbackIps.length > 0 && !config.callbackIps.includes(clientIp(c))) {
    c.get("log").warn("Duitku callback rejected: source address not allowed", { sourceIp: clientIp(c) });
    throw new AppError("forbidden", "The callback source address is not allowed");
  }
  await next();
});

export const callbackRoute = createRoute({
  method: "post",
  path: "/duitku/callback",
  tags: ["Payments"],
  summary: "Duitku's payment notification (server to server)",
  description:
    "Sent by Duitku as application/x-www-form-urlencoded; JSON is accepted too. No session and no CSRF check: the signature authenticates it. Answers `SUCCESS` once the result is recorded, also for a repeat.",
  middleware: [
    rateLimit({
      binding: (env) => env.PAYMENT_CALLBACK_LIMITER,
      key: (c) => `duitku-callback:ip:${clientIp(c)}`,
      retryAfterSeconds: 60,
    }),
    callbackSourceGuard,
  ] as const,
  request: {
    body: {
      // Not `required`: with two media types the library would run both validators on every body.
      required: false,
      content: {
        "application/x-www-form-urlencoded": { schema: formCallbackSchema },
        "application/json": { schema: jsonCallbackSchema },
      },
    },
  },
  responses: {
    200: { description: "Recorded", content: { "text/plain": { schema: z.literal("SUCCESS") } } },
    ...errorResponses(400, 403, 404, 415, 429, 503),
  },
});

/**
 * Verifies and records one callback. Checks run before anything is written: source address
 * (when an allowlist is set, in the guard), merchant code, signature (constant time), order,
 * amount. A
 * rejected callback gets 4xx, a warning log with the order id and source address, and changes
 * nothing.
 */
export const duitkuCallback: RouteHandler<typeof callbackRoute, AppEnv> = async (c) => {
  const config = requireDuitkuConfig(c.env);

  // The validator of the request's media type has run; the amount stays the exact string received.
  const type = c.req.header("content-type") ?? "";
  const isForm = /^application\/x-www-form-urlencoded/i.test(type);
  if (!isForm && !/^application\/json/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the callback as application/x-www-form-urlencoded or JSON");
  }
  const validated = isForm ? c.req.valid("form") : c.req.valid("json");
  const fields = { ...validated, amount: String(validated.amount) };

  const orderLog = c.get("log").child({ sourceIp: clientIp(c), merchantOrderId: fields.merchantOrderId });

  if (fields.merchantCode !== config.merchantCode) {
    orderLog.warn("Duitku callback rejected: unknown merchant code", { merchantCode: fields.merchantCode });
    throw new AppError("forbidden", "The callback merchant code is not this merchant's");
  }

  const expected = callbackSignature(config.merchantCode, fields.amount, fields.merchantOrderId, config.apiKey);
  if (!signaturesMatch(fields.signature, expected)) {
    orderLog.warn("Duitku callback rejected: invalid signature");
    throw new AppError("forbidden", "The callback signature is invalid");
  }

  const order = await findOrder(c.env, fields.merchantOrderId);
  if (!order) {
    orderLog.warn("Duitku callback for an unknown order");
    throw new AppError("not_found", "Order not found");
  }

  if (!amountMatches(fields.amount, order.amount)) {
    orderLog.warn("Duitku callback rejected: amount differs from the order", {
      expected: order.amount,
      received: fields.amount,
    });
    throw new AppError("invalid_request", "The callback amount does not match the order");
  }

  if (order.reference && fields.reference && order.reference !== fields.reference) {
    orderLog.warn("Duitku callback reference differs from the stored one", {
      stored: order.reference,
      received: fields.reference,
    });
  }

  if (fields.resultCode === "00") {
    const { replayed } = await settlePaidOrder(c.env, order, {
      source: "callback",
      reference: fields.reference ?? null,
      resultCode: fields.resultCode,
    });
    if (replayed) orderLog.info("Duitku callback repeated for a settled order");
    return c.text("SUCCESS", 200);
  }

  if (fields.resultCode === "01") {
    const closed = await closeUnpaidOrder(c.env, order.merchantOrderId, "failed", {
      reason: "Duitku reported the payment failed",
      resultCode: fields.resultCode,
    });
    if (!closed)
      orderLog.info("Duitku failure callback for an order that is no longer pending", { status: order.status });
    return c.text("SUCCESS", 200);
  }

  orderLog.warn("Duitku callback with an unknown resultCode", { resultCode: fields.resultCode });
  throw new AppError("invalid_request", `Unknown resultCode "${fields.resultCode}"`);
};
