import { describe, expect, it } from "vitest";
import { formatPlace, formatRelativeTime } from "./session-format";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("formatRelativeTime", () => {
  it("reads under a minute as now", () => {
    expect(formatRelativeTime("2025-06-01T11:59:30Z", "en", now)).toBe("now");
    expect(formatRelativeTime("2025-06-01T11:59:30Z", "id", now)).toBe("sekarang");
  });

  it("picks the largest whole unit", () => {
    expect(formatRelativeTime("2025-06-01T11:55:00Z", "en", now)).toBe("5 minutes ago");
    expect(formatRelativeTime("2025-06-01T09:00:00Z", "id", now)).toBe("3 jam yang lalu");
    expect(formatRelativeTime("2025-05-31T12:00:00Z", "en", now)).toBe("yesterday");
  });

  it("returns an invalid date unchanged", () => {
    expect(formatRelativeTime("not a date", "en", now)).toBe("not a date");
  });
});

describe("formatPlace", () => {
  it("spells out the country code", () => {
    expect(formatPlace({ country: "ID", city: "Bandung" }, "en")).toBe("Bandung, Indonesia");
  });

  it("keeps codes Intl rejects", () => {
    expect(formatPlace({ country: "T1", city: null }, "en")).toBe("T1");
  });

  it("returns null without a place", () => {
    expect(formatPlace(null, "en")).toBeNull();
    expect(formatPlace({ country: null, city: null }, "en")).toBeNull();
  });
});
