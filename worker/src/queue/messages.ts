import { z } from "zod";

export const RENDER_QUEUE_NAME = "render-jobs";
export const RENDER_DEAD_LETTER_QUEUE_NAME = "render-jobs-dlq";

export const renderMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("video-mixer.prepare"), generationId: z.string().min(1) }),
  z.object({ type: z.literal("video-mixer.variant"), generationId: z.string().min(1), index: z.number().int().min(0) }),
]);

/** Messages on the `render-jobs` queue. Each one is idempotent: delivery is at least once. */
export type RenderMessage = z.infer<typeof renderMessageSchema>;
