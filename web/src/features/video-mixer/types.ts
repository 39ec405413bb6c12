/** Shapes of the Video Mixer API under `/api/apps/video-mixer`. */

export interface Project {
  id: string;
  name: string;
  description: string | null;
  clipCount: number;
  groupCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Group {
  id: string;
  projectId: string;
  name: string;
  position: number;
  clipCount: number;
}

export interface ProjectDetail extends Project {
  groups: Group[];
}

export interface Clip {
  id: string;
  projectId: string;
  groupId: string | null;
  position: number;
  fileName: string;
  sizeBytes: number;
  container: string;
  durationSeconds: number;
  width: number;
  height: number;
  rotation: number;
  fps: number;
  videoCodec: string;
  audioCodec: string | null;
  hasAudio: boolean;
  createdAt: string;
}

export type GroupMixing = "off" | "sequential" | "random";
export type AspectRatio = "9:16" | "16:9" | "1:1" | "4:5";
export type Resolution = "480p" | "720p" | "1080p" | "4k";
export type Fps = 24 | 30 | 60;
export type Bitrate = "low" | "medium" | "high";
export type DurationFit = "speed" | "equal" | "proportional" | "weighted";
export type MetadataSource = "capcut" | "tiktok" | "instagram" | "youtube";

export type DurationSetting = { mode: "original" } | { mode: "fixed"; seconds: number; fit: DurationFit };

/** Every field is required by the API. */
export interface MixSettings {
  orderMixing: boolean;
  differentStart: boolean;
  groupMixing: GroupMixing;
  speed: { min: number; max: number } | null;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  fps: Fps;
  bitrate: Bitrate;
  duration: DurationSetting;
  audio: "keep" | "mute";
  metadataSource: MetadataSource;
}

/**
 * One reason a generation cannot start. `code` is stable and selects the translation, `params`
 * are the values it names, and `message` is the API's English sentence for codes the app does not know.
 */
export interface GenerationProblem {
  code: string;
  message: string;
  params: Record<string, string | number>;
}

export interface Estimate {
  count: number;
  distinctVariants: number;
  /** True when `distinctVariants` is a lower bound because counting stopped at a cap. */
  distinctVariantsCapped: boolean;
  pricePerVariant: number;
  totalCost: number;
  predictedDurationSeconds: number;
  /** Shortest and longest variant the settings can produce, in seconds. */
  predictedDurationRange: { min: number; max: number };
  balance: number;
  problems: GenerationProblem[];
}

export type GenerationStatus = "queued" | "processing" | "completed" | "partial" | "failed";
export type OutputStatus = "queued" | "processing" | "completed" | "failed";

export interface GenerationOutput {
  index: number;
  status: OutputStatus | (string & {});
  /** Fraction done, 0–1. */
  progress: number;
  durationSeconds: number | null;
  sizeBytes: number | null;
  error: string | null;
}

export interface Generation {
  id: string;
  projectId: string;
  status: GenerationStatus;
  count: number;
  cost: number;
  pricePerVariant: number;
  settings: MixSettings;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  outputs: GenerationOutput[];
}
