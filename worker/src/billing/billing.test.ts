import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { expireEndedPlans } from "./expire-plans";

describe("GET /api/billing/catalog", () => {
  it("lists packages and plans with rupiah prices", async () => {
    const response = await call("/api/billing/catalog");

    expect(response.status).toBe(200);
    expect(response.body.currency).toBe("IDR");
    expect(response.body.packages).toEqual([
      { id: "pebisnis", name: "Paket PEBISNIS", price: 99_000, credits: 1_800 },
      { id: "juragan", name: "Paket JURAGAN", price: 249_000, credits: 4_800 },
      { id: "topup-1500", name: "Tambah 1500", price: 100_000, credits: 1_500 },
      { id: "topup-4000", name: "Tambah 4000", price: 250_000, credits: 4_000 },
      { id: "topup-9000", name: "Tambah 9000", price: 500_000, credits: 9_000 },
    ]);
    expect(response.body.plans).toEqual([
      { id: "plan-basic", name: "Basic", price: 99_000, tier: "basic", days: 30 },
      { id: "plan-pro", name: "Pro", price: 299_000, tier: "pro", days: 30 },
      { id: "plan-enterprise", name: "Enterprise", price: 999_000, tier: "enterprise", days: 30 },
    ]);
  });
});

describe("GET /api/billing/plan", () => {
  it("new user is on free", async () => {
    const { cookie } = await signUp();

    const response = await call("/api/billing/plan", { cookie });

    expect(response.body).toEqual({ tier: "free", expiresAt: null });
  });

  it("ended plan reads as free before the cron runs", async () => {
    const { cookie, user } = await signUp();
    await env.DB.prepare("UPDATE users SET tier = 'pro', tier_expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1000, user.id)
      .run();

    const response = await call("/api/billing/plan", { cookie });

    expect(response.body).toEqual({ tier: "free", expiresAt: null });
  });
});

describe("expireEndedPlans", () => {
  it("moves ended plans to free once", async () => {
    const ended = await signUp();
    const running = await signUp();
    const granted = await signUp();
    const now = new Date();
    const setTier = (userId: string, tier: string, expiresAt: number | null) =>
      env.DB.prepare("UPDATE users SET tier = ?, tier_expires_at = ? WHERE id = ?").bind(tier, expiresAt, userId).run();
    await setTier(ended.user.id, "basic", now.getTime() - 1);
    await setTier(running.user.id, "pro", now.getTime() + 60_000);
    await setTier(granted.user.id, "enterprise", null);

    const first = await expireEndedPlans(env, now);
    const second = await expireEndedPlans(env, now);

    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBe(0);
    const tiers = await env.DB.prepare("SELECT id, tier, tier_expires_at FROM users WHERE id IN (?, ?, ?)")
      .bind(ended.user.id, running.user.id, granted.user.id)
      .all<{ id: string; tier: string; tier_expires_at: number | null }>();
    const byId = Object.fromEntries(tiers.results.map((row) => [row.id, row]));
    expect(byId[ended.user.id]).toMatchObject({ tier: "free", tier_expires_at: null });
    expect(byId[running.user.id]?.tier).toBe("pro");
    expect(byId[granted.user.id]?.tier).toBe("enterprise");
  });
});
