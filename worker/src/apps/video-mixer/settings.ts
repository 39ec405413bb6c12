import { z } from "zod";

export const ASPECT_RATIOS = ["9:16", "16:9", "1:1", "4:5"] as const;
export const RESOLUTIONS = ["480p", "720p", "1080p", "4k"] as const;

export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type Resolution = (typeof RESOLUTIONS)[number];

const speedRange = z
  .object({ min: z.number().min(0.5).max(2), max: z.number().min(0.5).max(2) })
  .refine((range) => range.min <= range.max, { message: "speed.min must not exceed speed.max", path: ["min"] });

const duration = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("original") }),
  z.object({
    mode: z.literal("fixed"),
    seconds: z.number().min(5).max(300),
    fit: z.enum(["speed", "equal", "proportional", "weighted"]),
  }),
]);

/** Every option here changes the rendered output; none is price-only. */
export const mixSettingsSchema = z.object({
  orderMixing: z.boolean(),
  differentStart: z.boolean(),
  groupMixing: z.enum(["off", "sequential", "random"]),
  speed: speedRange.nullable(),
  aspectRatio: z.enum(ASPECT_RATIOS),
  resolution: z.enum(RESOLUTIONS),
  fps: z.union([z.literal(24), z.literal(30), z.literal(60)]),
  bitrate: z.enum(["low", "medium", "high"]),
  duration,
  audio: z.enum(["keep", "mute"]),
  metadataSource: z.enum(["capcut", "tiktok", "instagram", "youtube"]),
});

export type MixSettings = z.infer<typeof mixSettingsSchema>;

// `resolution` names the short side of the frame.
const SHORT_SIDE: Record<Resolution, number> = { "480p": 480, "720p": 720, "1080p": 1080, "4k": 2160 };

/** Output frame size: 720p 9:16 is 720×1280, 720p 4:5 is 720×900. Both sides are even for yuv420p. */
export function frameSize(aspectRatio: AspectRatio, resolution: Resolution): { width: number; height: number } {
  const [w, h] = aspectRatio.split(":").map(Number) as [number, number];
  const short = SHORT_SIDE[resolution];
  const long = Math.round((short * Math.max(w, h)) / Math.min(w, h) / 2) * 2;
  return w >= h ? { width: long, height: short } : { width: short, height: long };
}

export const VIDEO_BITRATE_KBPS = { low: 1000, medium: 2500, high: 5000 } as const;

/** Tags written into each output so that it looks as if exported by the chosen app. */
export const METADATA_TAGS = {
  capcut: { encoder: "CapCut", comment: "Made with CapCut" },
  tiktok: { encoder: "TikTok", comment: "TikTok Video" },
  instagram: { encoder: "Instagram", comment: "Instagram Reels" },
  youtube: { encoder: "YouTube", comment: "YouTube Video" },
} as const;

export const DEFAULT_SETTINGS: MixSettings = {
  orderMixing: true,
  differentStart: false,
  groupMixing: "off",
  speed: null,
  aspectRatio: "9:16",
  resolution: "720p",
  fps: 30,
  bitrate: "medium",
  duration: { mode: "original" },
  audio: "keep",
  metadataSource: "capcut",
};
