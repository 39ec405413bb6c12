/** Messages on the `render-jobs` queue. Each one is idempotent: delivery is at least once. */
export type RenderMessage =
  | { type: "video-mixer.prepare"; generationId: string }
  | { type: "video-mixer.variant"; generationId: string; index: number };
