import { useEffect, useState } from "react";
import {
  ASPECT_RATIOS,
  BITRATES,
  DEFAULT_SETTINGS,
  DURATION_FITS,
  FIXED_DURATION_MAX,
  FIXED_DURATION_MIN,
  FPS_OPTIONS,
  METADATA_SOURCES,
  RESOLUTIONS,
  SPEED_MAX,
  SPEED_MIN,
  updateSettings,
  VARIANT_COUNT_MAX,
  VARIANT_COUNT_MIN,
} from "./settings";
import type { MixSettings } from "./types";

const DEFAULT_COUNT = 5;

const storageKey = (projectId: string) => `lumiku.videoMixer.settings.${projectId}`;

const isIn = <T>(values: readonly T[], value: unknown): value is T => values.includes(value as T);
const inRange = (value: unknown, min: number, max: number) =>
  typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;

/** Accepts stored settings only when every field is one the API accepts; anything else is dropped. */
export function parseStoredSettings(text: string | null): { settings: MixSettings; count: number } | null {
  if (!text) return null;
  let value: { settings?: Partial<MixSettings>; count?: unknown };
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }

  const stored = value.settings;
  if (!stored || typeof stored !== "object") return null;
  const speedValid =
    stored.speed === null ||
    (stored.speed !== undefined &&
      inRange(stored.speed.min, SPEED_MIN, SPEED_MAX) &&
      inRange(stored.speed.max, SPEED_MIN, SPEED_MAX) &&
      stored.speed.min <= stored.speed.max);
  const duration = stored.duration;
  const durationValid =
    duration?.mode === "original" ||
    (duration?.mode === "fixed" &&
      inRange(duration.seconds, FIXED_DURATION_MIN, FIXED_DURATION_MAX) &&
      isIn(DURATION_FITS, duration.fit));
  const valid =
    typeof stored.orderMixing === "boolean" &&
    typeof stored.differentStart === "boolean" &&
    isIn(["off", "sequential", "random"] as const, stored.groupMixing) &&
    speedValid &&
    isIn(ASPECT_RATIOS, stored.aspectRatio) &&
    isIn(RESOLUTIONS, stored.resolution) &&
    isIn(FPS_OPTIONS, stored.fps) &&
    isIn(BITRATES, stored.bitrate) &&
    durationValid &&
    isIn(["keep", "mute"] as const, stored.audio) &&
    isIn(METADATA_SOURCES, stored.metadataSource);
  if (!valid) return null;

  const count = Number.isInteger(value.count) && inRange(value.count, VARIANT_COUNT_MIN, VARIANT_COUNT_MAX);
  // updateSettings turns off options that group mixing excludes, as the settings panel does.
  return {
    settings: updateSettings(stored as MixSettings, {}),
    count: count ? (value.count as number) : DEFAULT_COUNT,
  };
}

function load(projectId: string) {
  try {
    return parseStoredSettings(localStorage.getItem(storageKey(projectId)));
  } catch {
    // Storage can be blocked (private mode); the defaults apply then.
    return null;
  }
}

/** Keeps the project's mix settings and variant count in this browser, so they survive a reload. */
export function useStoredSettings(projectId: string) {
  const [settings, setSettings] = useState<MixSettings>(() => load(projectId)?.settings ?? DEFAULT_SETTINGS);
  const [count, setCount] = useState(() => load(projectId)?.count ?? DEFAULT_COUNT);

  useEffect(() => {
    try {
      localStorage.setItem(storageKey(projectId), JSON.stringify({ settings, count }));
    } catch {
      // Not remembered when storage is blocked; the page still works.
    }
  }, [projectId, settings, count]);

  return { settings, setSettings, count, setCount };
}
