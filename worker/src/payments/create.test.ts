import { afterEach, describe, expect, it } from "vitest";
import { call, callWithEnv, signUp } from "../../test/http";
import { buy, orderRow, simulator } from "../../test/payments";
import { resetDuitkuCircuit } from "./duitku/client";

afterEach(async () => {
  await simulator("/__sim/faults", { method: "DELETE" });
  resetDuitkuCircuit();
});

describe("POST /api/payments", () => {
  it("creates an order and a Duitku invoice", async () => {
    const { cookie, user } = await signUp();

    const response = await buy(cookie, { itemId: "juragan" });

    expect(response.status).toBe(201);
    expect(response.body.amount).toBe(249_000);
    expect(response.body.status).toBe("pending");
    expect(response.body.merchantOrderId).toMatch(/^LMK-[0-9A-Z]+-[0-9A-F]{10}$/);
    expect(response.body.paymentUrl).toMatch(/\/pay\/DSIM/);
    const row = await orderRow(response.body.merchantOrderId);
    expect(row?.user_id).toBe(user.id);
    expect(row?.reference).toBe(response.body.reference);
    expect(row?.credits).toBe(4_800);
  });

  it("signs the invoice request the way Duitku checks it", async () => {
    const { cookie } = await signUp();

    const response = await buy(cookie, { itemId: "topup-1500", paymentMethod: "VC" });

    // The simulator rejects a bad x-duitku-signature with 401, which would make this 503.
    expect(response.status).toBe(201);
    const { items } = await simulator(`/__sim/requests?merchantOrderId=${response.body.merchantOrderId}`);
    expect(items[0].headers["x-duitku-merchantcode"]).toBe("DSIMTEST");
    expect(items[0].body.paymentMethod).toBe("VC");
    expect(items[0].body.callbackUrl).toBe("http://127.0.0.1:8787/api/payments/duitku/callback");
  });

  it("ignores price and credits in the body", async () => {
    const { cookie } = await signUp();

    const response = await buy(cookie, { itemId: "pebisnis", price: 1, amount: 1, paymentAmount: 1, credits: 999_999 });

    expect(response.status).toBe(201);
    expect(response.body.amount).toBe(99_000);
    const row = await orderRow(response.body.merchantOrderId);
    expect(row?.amount).toBe(99_000);
    expect(row?.credits).toBe(1_800);
    const { items } = await simulator(`/__sim/requests?merchantOrderId=${response.body.merchantOrderId}`);
    expect(items[0].body.paymentAmount).toBe(99_000);
  });

  it("plans carry tier and days, not credits", async () => {
    const { cookie } = await signUp();

    const response = await buy(cookie, { itemId: "plan-pro" });

    expect(response.status).toBe(201);
    expect(response.body.amount).toBe(299_000);
    const row = await orderRow(response.body.merchantOrderId);
    expect(row?.plan_tier).toBe("pro");
    expect(row?.plan_days).toBe(30);
    expect(row?.credits).toBeNull();
  });

  it("unknown item gets 400", async () => {
    const { cookie } = await signUp();

    const response = await buy(cookie, { itemId: "free-credits" });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("free-credits");
  });

  it("invalid payment method gets 400", async () => {
    const { cookie } = await signUp();

    const response = await buy(cookie, { itemId: "pebisnis", paymentMethod: "javascript:alert(1)" });

    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].path).toBe("paymentMethod");
  });

  it("requires a session", async () => {
    const response = await call("/api/payments", { method: "POST", json: { itemId: "pebisnis" } });

    expect(response.status).toBe(401);
  });

  it("rejects a body that is not JSON", async () => {
    const { cookie } = await signUp();

    const response = await call("/api/payments", {
      method: "POST",
      cookie,
      headers: { "content-type": "text/plain" },
      body: '{"itemId":"pebisnis"}',
    });

    expect(response.status).toBe(415);
  });

  it("limits creation to 10 per minute per user", async () => {
    const { cookie } = await signUp();

    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await buy(cookie, { itemId: "topup-1500" })).status);

    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("Duitku outage fails the order with 503", async () => {
    const { cookie } = await signUp();
    await simulator("/__sim/faults", { json: { endpoint: "createInvoice", mode: "error", count: 1 } });

    const response = await buy(cookie, { itemId: "pebisnis" });

    expect(response.status).toBe(503);
    expect(response.body.error.message).toContain("unavailable");
    expect(response.headers.get("retry-after")).not.toBeNull();
    const row = await orderRow(response.body.error.details.merchantOrderId);
    expect(row?.status).toBe("failed");
    expect(row?.failure_reason).toContain("503");
  });

  it("open circuit fails fast without calling Duitku", async () => {
    const { cookie } = await signUp();
    await simulator("/__sim/faults", { json: { endpoint: "createInvoice", mode: "error", count: 5 } });
    for (let i = 0; i < 5; i++) expect((await buy(cookie, { itemId: "topup-1500" })).status).toBe(503);
    const before = (await simulator("/__sim/requests")).items.length;

    const response = await buy(cookie, { itemId: "topup-1500" });

    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await simulator("/__sim/requests")).items.length).toBe(before);
  });

  it("missing Duitku settings answer 503 and name nothing secret", async () => {
    const { cookie } = await signUp();

    const response = await callWithEnv({ DUITKU_MERCHANT_CODE: "" }, "/api/payments", {
      method: "POST",
      cookie,
      json: { itemId: "pebisnis" },
    });

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe("service_unavailable");
    expect(response.body.error.message).toContain("Duitku settings");
  });
});
