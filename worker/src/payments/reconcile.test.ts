import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { signUp } from "../../test/http";
import { balanceOf, createOrder, orderLedgerEntries, orderRow, simulator } from "../../test/payments";
import worker from "../index";
import { resetDuitkuCircuit } from "./duitku/client";
import { reconcilePendingOrders } from "./reconcile";

const MINUTE = 60_000;

afterEach(async () => {
  await simulator("/__sim/faults", { method: "DELETE" });
  resetDuitkuCircuit();
});

async function runCron(scheduledTime: number) {
  const controller = createScheduledController({ scheduledTime, cron: "*/5 * * * *" });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("payment reconciliation", () => {
  it("settles a pending order Duitku reports paid, once", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "topup-4000");
    await simulator(`/__sim/transactions/${order.merchantOrderId}`, { json: { statusCode: "00" } });

    const first = await reconcilePendingOrders(env, { now: new Date(Date.now() + 2 * MINUTE) });
    const second = await reconcilePendingOrders(env, { now: new Date(Date.now() + 2 * MINUTE) });

    expect(first.settled).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("paid");
    expect((await orderRow(order.merchantOrderId))?.settled_by).toBe("status_check");
    expect(await balanceOf(user.id)).toBe(100 + 4000);
    expect(await orderLedgerEntries(user.id, order.merchantOrderId)).toBe(1);
    expect(second.settled).toBe(0);
  });

  it("leaves a young order to the callback", async () => {
    const { cookie } = await signUp();
    const order = await createOrder(cookie, "topup-4000");
    await simulator(`/__sim/transactions/${order.merchantOrderId}`, { json: { statusCode: "00" } });

    await reconcilePendingOrders(env, { now: new Date() });

    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");
  });

  it("expires an order after the window and slack", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "topup-4000");

    const withinSlack = await reconcilePendingOrders(env, { now: new Date(Date.now() + 70 * MINUTE) });
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");

    const afterSlack = new Date(Date.now() + 76 * MINUTE);
    const expired = await reconcilePendingOrders(env, { now: afterSlack });
    const again = await reconcilePendingOrders(env, { now: afterSlack });

    expect(withinSlack.expired).toBe(0);
    expect(expired.expired).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("expired");
    expect(again).toEqual({ reviewed: 0, settled: 0, failed: 0, expired: 0 });
    expect(await balanceOf(user.id)).toBe(100);
  });

  it("expires even while Duitku is down", async () => {
    const { cookie } = await signUp();
    const order = await createOrder(cookie, "topup-4000");
    await simulator("/__sim/faults", { json: { endpoint: "transactionStatus", mode: "error", count: 100 } });

    await reconcilePendingOrders(env, {
      now: new Date(Date.now() + 80 * MINUTE),
      client: { statusAttempts: 1 },
    });

    expect((await orderRow(order.merchantOrderId))?.status).toBe("expired");
  });

  it("Cron handler run twice changes nothing the second time", async () => {
    const paid = await signUp();
    const idle = await signUp();
    const paidOrder = await createOrder(paid.cookie, "pebisnis");
    const idleOrder = await createOrder(idle.cookie, "juragan");
    await simulator(`/__sim/transactions/${paidOrder.merchantOrderId}`, { json: { statusCode: "00" } });
    await env.DB.prepare("UPDATE users SET tier = 'pro', tier_expires_at = ? WHERE id = ?")
      .bind(Date.now() + 30 * MINUTE, idle.user.id)
      .run();
    const later = Date.now() + 90 * MINUTE;

    await runCron(later);
    const snapshot = async () => ({
      paid: await orderRow(paidOrder.merchantOrderId),
      idle: await orderRow(idleOrder.merchantOrderId),
      paidBalance: await balanceOf(paid.user.id),
      idleUser: await env.DB.prepare("SELECT tier, tier_expires_at, updated_at FROM users WHERE id = ?")
        .bind(idle.user.id)
        .first(),
    });
    const afterFirst = await snapshot();
    await runCron(later);
    const afterSecond = await snapshot();

    expect(afterFirst.paid?.status).toBe("paid");
    expect(afterFirst.paidBalance).toBe(100 + 1800);
    expect(afterFirst.idle?.status).toBe("expired");
    expect(afterFirst.idleUser).toMatchObject({ tier: "free", tier_expires_at: null });
    expect(afterSecond).toEqual(afterFirst);
  });
});
