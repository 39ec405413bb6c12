import { z } from "zod";
import { mixSettingsSchema } from "../settings";

/** Shape of `video_mixer_outputs.plan`, the planner's `VariantPlan` as stored at generation time. */
export const storedPlanSchema = z.object({
  segments: z
    .array(
      z.object({
        clipId: z.string().min(1),
        trimStart: z.number().min(0),
        trimDuration: z.number().positive().nullable(),
        speed: z.number().min(0.5).max(2),
      }),
    )
    .min(1),
  durationSeconds: z.number().nonnegative(),
});

export type StoredPlan = z.infer<typeof storedPlanSchema>;

/** A job whose stored input is invalid; retrying cannot help, so the outputs fail at once. */
export class InvalidJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidJobError";
  }
}

export function parsePlan(value: unknown, generationId: string, index: number): StoredPlan {
  const parsed = storedPlanSchema.safeParse(value);
  if (!parsed.success) throw new InvalidJobError(`output ${index} of generation ${generationId} has an invalid plan`);
  return parsed.data;
}

export function parseSettings(value: unknown, generationId: string) {
  const parsed = mixSettingsSchema.safeParse(value);
  if (!parsed.success) throw new InvalidJobError(`generation ${generationId} has invalid settings`);
  return parsed.data;
}
