import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatNumber, formatRupiah } from "./format";

// Intl separates "Rp" from the amount with a no-break space.
const normalizeSpaces = (text: string) => text.replace(/\s/g, " ");

describe("formatRupiah", () => {
  it("uses dots for thousands", () => {
    expect(normalizeSpaces(formatRupiah(150000))).toBe("Rp 150.000");
  });

  it("drops decimals", () => {
    expect(normalizeSpaces(formatRupiah(99999.6))).toBe("Rp 100.000");
  });

  it("formats zero", () => {
    expect(normalizeSpaces(formatRupiah(0))).toBe("Rp 0");
  });
});

describe("formatNumber", () => {
  it("follows the UI language", () => {
    expect(formatNumber(1234567, "id")).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
});

describe("formatBytes", () => {
  it("picks the largest unit below 1024", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1536, "id")).toBe("1,5 KB");
    expect(formatBytes(100 * 1024 * 1024, "en")).toBe("100 MB");
  });
});

describe("formatDuration", () => {
  it("pads seconds and adds hours when needed", () => {
    expect(formatDuration(75.4)).toBe("1:15");
    expect(formatDuration(5)).toBe("0:05");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});
