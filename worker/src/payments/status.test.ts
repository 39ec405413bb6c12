import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { balanceOf, createOrder, orderRow, postCallback, simulator } from "../../test/payments";
import { resetDuitkuCircuit } from "./duitku/client";

afterEach(async () => {
  await simulator("/__sim/faults", { method: "DELETE" });
  resetDuitkuCircuit();
});

async function statusChecks(merchantOrderId: string): Promise<number> {
  const { items } = await simulator(`/__sim/requests?merchantOrderId=${merchantOrderId}`);
  return items.filter((item: { endpoint: string }) => item.endpoint === "transactionStatus").length;
}

describe("GET /api/payments/:merchantOrderId", () => {
  it("shows the owner a pending order", async () => {
    const { cookie } = await signUp();
    const order = await createOrder(cookie, "pebisnis");

    const response = await call(`/api/payments/${order.merchantOrderId}`, { cookie });

    expect(response.status).toBe(200);
    expect(response.body.status).toBe("pending");
    expect(response.body.paymentUrl).toBe(order.paymentUrl);
    expect(response.body.credits).toBe(1800);
  });

  it("answers 404 to another user", async () => {
    const owner = await signUp();
    const other = await signUp();
    const order = await createOrder(owner.cookie, "pebisnis");

    const response = await call(`/api/payments/${order.merchantOrderId}`, { cookie: other.cookie });

    expect(response.status).toBe(404);
  });

  it("settles when Duitku reports it paid", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "pebisnis");
    await simulator(`/__sim/transactions/${order.merchantOrderId}`, { json: { statusCode: "00" } });

    const response = await call(`/api/payments/${order.merchantOrderId}`, { cookie });

    expect(response.body.status).toBe("paid");
    expect(response.body.paymentUrl).toBeNull();
    expect((await orderRow(order.merchantOrderId))?.settled_by).toBe("status_check");
    expect(await balanceOf(user.id)).toBe(100 + 1800);

    // The callback that arrives afterwards adds nothing.
    const late = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000" });
    expect(late.status).toBe(200);
    expect(await balanceOf(user.id)).toBe(100 + 1800);
  });

  it("asks Duitku at most once per 10 s", async () => {
    const { cookie } = await signUp();
    const order = await createOrder(cookie, "pebisnis");

    await call(`/api/payments/${order.merchantOrderId}`, { cookie });
    await call(`/api/payments/${order.merchantOrderId}`, { cookie });
    await call(`/api/payments/${order.merchantOrderId}`, { cookie });
    expect(await statusChecks(order.merchantOrderId)).toBe(1);

    // Once the last check is older than 10 s, the next poll checks again.
    await env.DB.prepare(
      "UPDATE payment_orders SET last_status_check_at = last_status_check_at - 10000 WHERE merchant_order_id = ?",
    )
      .bind(order.merchantOrderId)
      .run();
    await call(`/api/payments/${order.merchantOrderId}`, { cookie });
    expect(await statusChecks(order.merchantOrderId)).toBe(2);
  });

  it("marks the order failed on status 02", async () => {
    const { cookie } = await signUp();
    const order = await createOrder(cookie, "pebisnis");
    await simulator(`/__sim/transactions/${order.merchantOrderId}`, { json: { statusCode: "02" } });

    const response = await call(`/api/payments/${order.merchantOrderId}`, { cookie });

    expect(response.body.status).toBe("failed");
  });

  it("retries a failed status check and still answers", async () => {
    const { cookie, user } = await signUp();
    const order = await createOrder(cookie, "pebisnis");
    await simulator(`/__sim/transactions/${order.merchantOrderId}`, { json: { statusCode: "00" } });
    await simulator("/__sim/faults", { json: { endpoint: "transactionStatus", mode: "error", count: 2 } });

    const response = await call(`/api/payments/${order.merchantOrderId}`, { cookie });

    expect(response.status).toBe(200);
    expect(response.body.status).toBe("paid");
    expect(await statusChecks(order.merchantOrderId)).toBe(3);
    expect(await balanceOf(user.id)).toBe(100 + 1800);
  });

  it("shows the stored status when Duitku is down", async () => {
    const { cookie } = await signUp();
    const order = await createOrder(cookie, "pebisnis");
    await simulator("/__sim/faults", { json: { endpoint: "transactionStatus", mode: "error", count: 3 } });

    const response = await call(`/api/payments/${order.merchantOrderId}`, { cookie });

    expect(response.status).toBe(200);
    expect(response.body.status).toBe("pending");
  });
});

describe("GET /api/payments", () => {
  it("lists only the user's orders with a cursor", async () => {
    const { cookie } = await signUp();
    const other = await signUp();
    const created = [];
    for (const itemId of ["pebisnis", "juragan", "plan-basic"]) created.push(await createOrder(cookie, itemId));
    await createOrder(other.cookie, "pebisnis");

    const first = await call("/api/payments?limit=2", { cookie });
    const second = await call(`/api/payments?limit=2&cursor=${first.body.nextCursor}`, { cookie });

    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { merchantOrderId: string }) => item.merchantOrderId)).toEqual([
      created[2]?.merchantOrderId,
      created[1]?.merchantOrderId,
    ]);
    expect(second.body.items.map((item: { merchantOrderId: string }) => item.merchantOrderId)).toEqual([
      created[0]?.merchantOrderId,
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("rejects a malformed cursor", async () => {
    const { cookie } = await signUp();

    const response = await call("/api/payments?cursor=nonsense", { cookie });

    expect(response.status).toBe(400);
  });
});
