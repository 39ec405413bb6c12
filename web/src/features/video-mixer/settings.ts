import type { AspectRatio, Bitrate, DurationFit, Fps, MetadataSource, MixSettings, Resolution } from "./types";

export const ASPECT_RATIOS: readonly AspectRatio[] = ["9:16", "16:9", "1:1", "4:5"];
export const RESOLUTIONS: readonly Resolution[] = ["480p", "720p", "1080p", "4k"];
export const FPS_OPTIONS: readonly Fps[] = [24, 30, 60];
export const BITRATES: readonly Bitrate[] = ["low", "medium", "high"];
export const DURATION_FITS: readonly DurationFit[] = ["speed", "equal", "proportional", "weighted"];
export const METADATA_SOURCES: readonly MetadataSource[] = ["capcut", "tiktok", "instagram", "youtube"];

export const SPEED_MIN = 0.5;
export const SPEED_MAX = 2;
export const FIXED_DURATION_MIN = 5;
export const FIXED_DURATION_MAX = 300;
export const VARIANT_COUNT_MIN = 1;
export const VARIANT_COUNT_MAX = 100;

/** The API's defaults. */
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

/**
 * Applies one change and keeps the settings valid: the API rejects order mixing or a different
 * start together with group mixing, so choosing group mixing turns both off.
 */
export function updateSettings(current: MixSettings, patch: Partial<MixSettings>): MixSettings {
  const next = { ...current, ...patch };
  if (next.groupMixing !== "off") {
    next.orderMixing = false;
    next.differentStart = false;
  }
  return next;
}

/** Clamps a number typed by the user into [min, max], or returns the fallback when it is not a number. */
export function clampNumber(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
