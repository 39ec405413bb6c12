import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, updateSettings } from "./settings";

describe("updateSettings", () => {
  it("turns off order mixing and different start with group mixing", () => {
    const start = { ...DEFAULT_SETTINGS, orderMixing: true, differentStart: true };

    const next = updateSettings(start, { groupMixing: "random" });

    expect(next.groupMixing).toBe("random");
    expect(next.orderMixing).toBe(false);
    expect(next.differentStart).toBe(false);
  });

  it("keeps order mixing while group mixing is off", () => {
    const next = updateSettings(DEFAULT_SETTINGS, { differentStart: true });

    expect(next.orderMixing).toBe(true);
    expect(next.differentStart).toBe(true);
  });
});
