import { describe, expect, it } from "vitest";
import { nextPlanState } from "./plan-period";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-01T00:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * DAY);
const days = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / DAY : null);

describe("nextPlanState", () => {
  it("free user gets 30 days of the plan", () => {
    const next = nextPlanState({ tier: "free", expiresAt: null }, { tier: "pro", days: 30 }, now);

    expect(next.tier).toBe("pro");
    expect(days(next.expiresAt)).toBe(30);
  });

  it("same tier again extends the period", () => {
    const next = nextPlanState({ tier: "basic", expiresAt: inDays(12) }, { tier: "basic", days: 30 }, now);

    expect(next.tier).toBe("basic");
    expect(days(next.expiresAt)).toBe(42);
  });

  it("an ended plan is treated as free", () => {
    const next = nextPlanState({ tier: "pro", expiresAt: inDays(-3) }, { tier: "basic", days: 30 }, now);

    expect(next.tier).toBe("basic");
    expect(days(next.expiresAt)).toBe(30);
  });

  it("upgrade applies at once and keeps lower days pro rata", () => {
    const next = nextPlanState({ tier: "basic", expiresAt: inDays(20) }, { tier: "pro", days: 30 }, now);

    expect(next.tier).toBe("pro");
    // 20 days of Basic (Rp 99.000) are worth 20 × 99/299 days of Pro (Rp 299.000).
    expect(days(next.expiresAt)).toBeCloseTo(30 + (20 * 99) / 299, 5);
  });

  it("lower plan during a higher one adds pro rata days", () => {
    const next = nextPlanState({ tier: "enterprise", expiresAt: inDays(10) }, { tier: "pro", days: 30 }, now);

    expect(next.tier).toBe("enterprise");
    expect(days(next.expiresAt)).toBeCloseTo(10 + (30 * 299) / 999, 5);
  });

  it("operator tier without an end stays when buying lower", () => {
    const next = nextPlanState({ tier: "enterprise", expiresAt: null }, { tier: "basic", days: 30 }, now);

    expect(next).toEqual({ tier: "enterprise", expiresAt: null });
  });

  it("operator tier without an end is replaced by a higher plan", () => {
    const next = nextPlanState({ tier: "basic", expiresAt: null }, { tier: "pro", days: 30 }, now);

    expect(next.tier).toBe("pro");
    expect(days(next.expiresAt)).toBe(30);
  });
});
