import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { parseStoredSettings } from "./stored-settings";

describe("parseStoredSettings", () => {
  it("restores valid settings and count", () => {
    const settings = { ...DEFAULT_SETTINGS, resolution: "1080p", speed: { min: 0.8, max: 1.2 } };

    expect(parseStoredSettings(JSON.stringify({ settings, count: 12 }))).toEqual({ settings, count: 12 });
  });

  it("drops settings the API would reject", () => {
    const bad = { ...DEFAULT_SETTINGS, fps: 25 };

    expect(parseStoredSettings(JSON.stringify({ settings: bad, count: 3 }))).toBeNull();
    expect(parseStoredSettings("{not json")).toBeNull();
    expect(parseStoredSettings(null)).toBeNull();
  });

  it("turns off options group mixing excludes", () => {
    const stored = { ...DEFAULT_SETTINGS, groupMixing: "random", orderMixing: true, differentStart: true };

    const parsed = parseStoredSettings(JSON.stringify({ settings: stored, count: 2 }));

    expect(parsed?.settings).toMatchObject({ groupMixing: "random", orderMixing: false, differentStart: false });
  });

  it("falls back to 5 variants for a bad count", () => {
    const parsed = parseStoredSettings(JSON.stringify({ settings: DEFAULT_SETTINGS, count: 1000 }));

    expect(parsed?.count).toBe(5);
  });
});
