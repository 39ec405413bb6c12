import { z } from "zod";

// Even sides, because yuv420p stores chroma at half resolution; 4096 covers 4K in either orientation.
const side = z
  .number()
  .int()
  .min(16)
  .max(4096)
  .refine((value) => value % 2 === 0, { message: "must be even" });

/** The output profile shared by `POST /v1/normalize` and the `output` of `POST /v1/assemble`. */
export const videoProfileSchema = z.object({
  width: side,
  height: side,
  fps: z.number().int().min(1).max(120),
  videoBitrateKbps: z.number().int().min(100).max(50_000),
});

export type VideoProfile = z.infer<typeof videoProfileSchema>;

export const normalizeSpecSchema = videoProfileSchema.strict();

export type NormalizeSpec = z.infer<typeof normalizeSpecSchema>;

// atempo takes 0.5–2.0 in one stage, so a segment never needs a chain of tempo filters.
const segmentSchema = z.strictObject({
  bytes: z.number().int().min(1),
  trimStart: z.number().min(0).default(0),
  trimDuration: z.number().positive().nullable().default(null),
  speed: z.number().min(0.5).max(2).default(1),
});

export type SegmentSpec = z.infer<typeof segmentSchema>;

const metadataValue = z.string().max(200);

export const assembleSpecSchema = z.strictObject({
  segments: z.array(segmentSchema).min(1).max(100),
  output: videoProfileSchema
    .extend({
      audio: z.enum(["keep", "mute"]),
      durationSeconds: z.number().positive().max(3600).nullable().default(null),
      metadata: z.strictObject({ encoder: metadataValue.optional(), comment: metadataValue.optional() }).default({}),
    })
    .strict(),
  thumbnail: z.strictObject({
    atSeconds: z.number().min(0),
    width: z.number().int().min(16).max(2048),
  }),
});

export type AssembleSpec = z.infer<typeof assembleSpecSchema>;
export type AssembleOutputSpec = AssembleSpec["output"];
