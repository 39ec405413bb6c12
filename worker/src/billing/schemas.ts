import { z } from "@hono/zod-openapi";

export const catalogSchema = z
  .object({
    currency: z.literal("IDR"),
    packages: z.array(
      z.object({
        id: z.string().openapi({ example: "pebisnis" }),
        name: z.string().openapi({ example: "Paket PEBISNIS" }),
        price: z.number().int().openapi({ description: "Whole rupiah", example: 99_000 }),
        credits: z.number().int().openapi({ example: 1_800 }),
      }),
    ),
    plans: z.array(
      z.object({
        id: z.string().openapi({ example: "plan-pro" }),
        name: z.string().openapi({ example: "Pro" }),
        price: z.number().int().openapi({ description: "Whole rupiah per period", example: 299_000 }),
        tier: z.enum(["basic", "pro", "enterprise"]),
        days: z.number().int().openapi({ example: 30 }),
      }),
    ),
  })
  .openapi("BillingCatalog");

export const planStateSchema = z
  .object({
    tier: z.enum(["free", "basic", "pro", "enterprise"]),
    expiresAt: z
      .string()
      .nullable()
      .openapi({ format: "date-time", description: "End of the paid period; null on free or a tier without an end" }),
  })
  .openapi("PlanState");
