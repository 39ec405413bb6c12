import { describe, expect, it } from "vitest";
import { pricePerVariant, totalPrice } from "./pricing";
import { DEFAULT_SETTINGS, type MixSettings } from "./settings";

const plain: MixSettings = {
  ...DEFAULT_SETTINGS,
  orderMixing: false,
  resolution: "480p",
  bitrate: "medium",
  fps: 30,
  speed: null,
  duration: { mode: "original" },
};

describe("pricePerVariant", () => {
  const cases: [string, Partial<MixSettings>, number][] = [
    ["plain 480p", {}, 1],
    ["order mixing", { orderMixing: true }, 2],
    ["different start is free", { differentStart: true }, 1],
    ["sequential groups are free", { groupMixing: "sequential" }, 1],
    ["random groups", { groupMixing: "random" }, 3],
    ["speed range", { speed: { min: 0.8, max: 1.2 } }, 2],
    ["720p", { resolution: "720p" }, 3],
    ["1080p", { resolution: "1080p" }, 6],
    ["4k", { resolution: "4k" }, 11],
    ["low bitrate", { bitrate: "low" }, 1],
    ["high bitrate", { bitrate: "high" }, 3],
    ["24 fps", { fps: 24 }, 1],
    ["60 fps", { fps: 60 }, 4],
    ["fixed duration by speed", { duration: { mode: "fixed", seconds: 30, fit: "speed" } }, 1],
    ["fixed duration by trim", { duration: { mode: "fixed", seconds: 30, fit: "equal" } }, 2],
    ["muted audio is free", { audio: "mute" }, 1],
    [
      "everything at once",
      {
        orderMixing: true,
        speed: { min: 0.5, max: 2 },
        resolution: "4k",
        bitrate: "high",
        fps: 60,
        duration: { mode: "fixed", seconds: 60, fit: "weighted" },
      },
      1 + 1 + 1 + 10 + 2 + 3 + 1,
    ],
  ];

  for (const [name, overrides, expected] of cases) {
    it(`prices ${name}`, () => {
      expect(pricePerVariant({ ...plain, ...overrides })).toBe(expected);
    });
  }

  it("prices the default settings", () => {
    expect(pricePerVariant(DEFAULT_SETTINGS)).toBe(4);
  });
});

describe("totalPrice", () => {
  it("multiplies by the count", () => {
    expect(totalPrice({ ...plain, resolution: "1080p" }, 7)).toBe(42);
  });
});
