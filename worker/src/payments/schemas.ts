import { z } from "@hono/zod-openapi";

export const orderSchema = z
  .object({
    merchantOrderId: z.string().openapi({ example: "LMK-MIS2K1Q0-9F1C2A7B3D" }),
    itemId: z.string(),
    itemKind: z.enum(["credits", "plan"]),
    itemName: z.string(),
    amount: z.number().int().openapi({ description: "Whole rupiah" }),
    credits: z.number().int().nullable(),
    planTier: z.enum(["basic", "pro", "enterprise"]).nullable(),
    planDays: z.number().int().nullable(),
    status: z.enum(["pending", "paid", "failed", "expired"]),
    paymentMethod: z.string().nullable(),
    reference: z.string().nullable().openapi({ description: "Duitku's reference" }),
    paymentUrl: z.string().nullable().openapi({ description: "Duitku's payment page; only while pending" }),
    failureReason: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    expiresAt: z.string().openapi({ format: "date-time", description: "End of the payment window" }),
    paidAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("PaymentOrder");

// Only the item is taken from the request. Unknown fields such as a price or a credit amount are
// dropped by the schema, because prices and credits come from the catalogue alone.
export const createPaymentBody = z
  .object({
    itemId: z.string().min(1).max(64).openapi({ example: "pebisnis" }),
    paymentMethod: z
      .string()
      .regex(/^[A-Z0-9]{2,3}$/, "paymentMethod must be a Duitku payment method code such as VC or BC")
      .optional()
      .openapi({ description: "Duitku method code; without it Duitku shows its own method choice" }),
  })
  .openapi("CreatePayment");

export const createdPaymentSchema = z
  .object({
    merchantOrderId: z.string(),
    paymentUrl: z.string().openapi({ description: "Send the browser here to pay" }),
    reference: z.string(),
    amount: z.number().int(),
    status: z.literal("pending"),
    expiresAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("CreatedPayment");

export const orderParamsSchema = z.object({
  merchantOrderId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "merchantOrderId", in: "path" } }),
});
