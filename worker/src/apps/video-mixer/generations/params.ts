import { z } from "zod";

export const MAX_VARIANTS_PER_GENERATION = 100;

const id = z.string().min(1).max(64);

export const projectParamsSchema = z.object({ projectId: id });
export const generationParamsSchema = z.object({ generationId: id });
