import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { callbackIp, createOrder, orderRow, postCallback } from "../../test/payments";

const DAY = 24 * 60 * 60 * 1000;

async function userTier(userId: string) {
  const row = await env.DB.prepare("SELECT tier, tier_expires_at FROM users WHERE id = ?")
    .bind(userId)
    .first<{ tier: string; tier_expires_at: number | null }>();
  return { tier: row?.tier, expiresAt: row?.tier_expires_at ?? null };
}

async function grants(merchantOrderId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM plan_grants WHERE merchant_order_id = ?")
    .bind(merchantOrderId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("plan settlement", () => {
  it("paid plan sets the tier for 30 days", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "plan-pro");
    const before = Date.now();

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "299000" });

    expect(response.status).toBe(200);
    const { tier, expiresAt } = await userTier(user.id);
    expect(tier).toBe("pro");
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    expect((await call("/api/billing/plan", { cookie })).body.tier).toBe("pro");
  });

  it("20 concurrent callbacks extend the plan once", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "plan-basic");
    const ip = callbackIp();

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000" }, { ip }),
      ),
    );

    for (const response of responses) expect(response.status).toBe(200);
    const { tier, expiresAt } = await userTier(user.id);
    expect(tier).toBe("basic");
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    expect(await grants(order.merchantOrderId)).toBe(1);
  });

  it("two plan orders paid at once both count", async () => {
    const { cookie, user } = await signUp();
    const first = await createOrder(cookie, "plan-basic");
    const second = await createOrder(cookie, "plan-basic");

    await Promise.all([
      postCallback({ merchantOrderId: first.merchantOrderId, amount: "99000" }),
      postCallback({ merchantOrderId: second.merchantOrderId, amount: "99000" }),
    ]);

    const { tier, expiresAt } = await userTier(user.id);
    expect(tier).toBe("basic");
    // Both periods: one read of stale state would leave only 30 days.
    expect(expiresAt).toBeGreaterThan(Date.now() + 59 * DAY);
  });

  it("replay after a crash marks paid without extending again", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "plan-pro");
    await postCallback({ merchantOrderId: order.merchantOrderId, amount: "299000" });
    const applied = await userTier(user.id);
    // The state a crash after applying the plan but before marking the order would leave.
    await env.DB.prepare(
      "UPDATE payment_orders SET status = 'pending', fulfilled_at = NULL WHERE merchant_order_id = ?",
    )
      .bind(order.merchantOrderId)
      .run();

    const replay = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "299000" });

    expect(replay.status).toBe(200);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("paid");
    expect(await userTier(user.id)).toEqual(applied);
    expect(await grants(order.merchantOrderId)).toBe(1);
  });

  it("plan at or below an operator tier is refused", async () => {
    const { cookie, user } = await signUp();
    await env.DB.prepare("UPDATE users SET tier = 'enterprise', tier_expires_at = NULL WHERE id = ?")
      .bind(user.id)
      .run();

    const response = await call("/api/payments", { method: "POST", cookie, json: { itemId: "plan-pro" } });

    expect(response.status).toBe(409);
  });
});
