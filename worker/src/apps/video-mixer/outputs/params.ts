import { z } from "zod";
import { generationParamsSchema, MAX_VARIANTS_PER_GENERATION } from "../generations/params";

export const outputParamsSchema = generationParamsSchema.extend({
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_VARIANTS_PER_GENERATION - 1),
});
