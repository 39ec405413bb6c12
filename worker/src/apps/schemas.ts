import { z } from "@hono/zod-openapi";
import { TIERS } from "../models/tiers";

export const appIdParamsSchema = z.object({
  appId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, "App ids are lowercase letters, digits and dashes")
    .openapi({ param: { name: "appId", in: "path" }, example: "video-mixer" }),
});

export const dashboardAppSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    icon: z.string().openapi({ description: "Icon name from the lucide set" }),
    description: z.string(),
    dashboardOrder: z.number().int(),
    status: z.enum(["enabled", "beta", "coming-soon"]),
    pricing: z.object({ unit: z.string(), from: z.number() }),
    requiresModel: z.boolean(),
    canOpen: z.boolean(),
    availableModels: z.number().int(),
    requiredTier: z.enum(TIERS).nullable(),
  })
  .openapi("DashboardApp");

export const aiModelSchema = z
  .object({
    id: z.string().openapi({ example: "ffmpeg-standard" }),
    appId: z.string(),
    name: z.string(),
    tier: z.enum(TIERS),
    creditCost: z.number().int(),
  })
  .openapi("AiModel");
