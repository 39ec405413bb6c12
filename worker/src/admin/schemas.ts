import { z } from "@hono/zod-openapi";
import { pageQuerySchema } from "../core/pagination";
import { displayParagraph } from "../core/text";
import { orderSchema } from "../payments/schemas";

export const adminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(["user", "admin"]),
    tier: z.enum(["free", "basic", "pro", "enterprise"]),
    tierExpiresAt: z.string().nullable().openapi({ format: "date-time" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("AdminUser");

export const adminUserDetailSchema = adminUserSchema.extend({ balance: z.number().int() }).openapi("AdminUserDetail");

export const adminPaymentSchema = orderSchema
  .extend({
    settledBy: z.enum(["callback", "status_check"]).nullable(),
    resultCode: z.string().nullable(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  })
  .openapi("AdminPayment");

export const ledgerEntrySchema = z
  .object({
    seq: z.number().int(),
    amount: z.number().int(),
    balanceAfter: z.number().int(),
    kind: z.string(),
    reference: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("AdminLedgerEntry");

export const userParamsSchema = z.object({
  userId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "userId", in: "path" } }),
});

export const paymentSearchSchema = pageQuerySchema.extend({
  status: z.enum(["pending", "paid", "failed", "expired"]).optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: "Start of a merchantOrderId or Duitku reference, or part of the buyer's email" }),
});

export const userSearchSchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional().openapi({ description: "Part of the email or name" }),
});

export const adjustmentBody = z
  .object({
    amount: z
      .number()
      .int()
      .refine((value) => value !== 0, "amount must not be 0")
      .refine((value) => Math.abs(value) <= 1_000_000, "amount must be between -1000000 and 1000000")
      .openapi({ description: "Credits to add (positive) or remove (negative)", example: 500 }),
    reason: displayParagraph({ max: 500 })
      .refine((value) => value.length >= 5, "reason must be at least 5 characters")
      .openapi({ description: "Why; stored as the ledger entry's description and in the audit log" }),
    idempotencyKey: z
      .uuid()
      .optional()
      .openapi({ description: "Send the same key when retrying, so the adjustment is applied once" }),
  })
  .openapi("CreditAdjustment");

export const adjustmentResultSchema = z
  .object({
    id: z.string(),
    amount: z.number().int(),
    balance: z.number().int(),
    replayed: z.boolean(),
  })
  .openapi("CreditAdjustmentResult");
