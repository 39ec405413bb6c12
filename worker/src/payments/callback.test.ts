import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, callWithEnv, signUp } from "../../test/http";
import {
  balanceOf,
  callbackForm,
  callbackIp,
  createOrder,
  orderLedgerEntries,
  orderRow,
  postCallback,
} from "../../test/payments";
import { captureLogs } from "../../test/security/helpers";
import { creditAccount } from "../credits/account";

const WELCOME = 100;

async function pebisnisOrder() {
  const account = await signUp();
  const order = await createOrder(account.cookie, "pebisnis");
  return { ...account, order };
}

describe("Duitku callback", () => {
  it("valid callback credits the order once", async () => {
    const { user, order } = await pebisnisOrder();

    const response = await postCallback({
      merchantOrderId: order.merchantOrderId,
      amount: "99000",
      reference: order.reference,
    });

    expect(response.status).toBe(200);
    expect(response.text).toBe("SUCCESS");
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
    const row = await orderRow(order.merchantOrderId);
    expect(row?.status).toBe("paid");
    expect(row?.settled_by).toBe("callback");
    expect(row?.fulfilled_at).not.toBeNull();
    expect(await orderLedgerEntries(user.id, order.merchantOrderId)).toBe(1);
  });

  it("20 concurrent duplicates credit once", async () => {
    const { user, order } = await pebisnisOrder();
    const input = { merchantOrderId: order.merchantOrderId, amount: "99000", reference: order.reference };
    const ip = callbackIp();

    const responses = await Promise.all(Array.from({ length: 20 }, () => postCallback(input, { ip })));

    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.text).toBe("SUCCESS");
    }
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
    expect(await orderLedgerEntries(user.id, order.merchantOrderId)).toBe(1);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("paid");
  });

  it("replay after settlement answers SUCCESS and adds nothing", async () => {
    const { user, order } = await pebisnisOrder();
    const input = { merchantOrderId: order.merchantOrderId, amount: "99000" };
    await postCallback(input);
    const settledAt = (await orderRow(order.merchantOrderId))?.fulfilled_at;

    const replay = await postCallback(input);

    expect(replay.status).toBe(200);
    expect(replay.text).toBe("SUCCESS");
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
    expect((await orderRow(order.merchantOrderId))?.fulfilled_at).toBe(settledAt);
  });

  it("wrong signature is rejected, logged and changes nothing", async () => {
    const { user, order } = await pebisnisOrder();
    const ip = callbackIp();

    const { result: response, lines } = await captureLogs(() =>
      postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000", apiKey: "not-the-key" }, { ip }),
    );

    expect(response.status).toBe(403);
    expect(JSON.parse(response.text).error.code).toBe("forbidden");
    expect(await balanceOf(user.id)).toBe(WELCOME);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");
    const warning = lines.map((line) => JSON.parse(line)).find((entry) => entry.message?.includes("invalid signature"));
    expect(warning?.level).toBe("warn");
    expect(warning?.merchantOrderId).toBe(order.merchantOrderId);
    expect(warning?.sourceIp).toBe(ip);
  });

  it("wrong merchant code is rejected", async () => {
    const { user, order } = await pebisnisOrder();

    // Correctly signed for the other merchant code, so only the code check can reject it.
    const response = await postCallback({
      merchantOrderId: order.merchantOrderId,
      amount: "99000",
      merchantCode: "D0001",
    });

    expect(response.status).toBe(403);
    expect(await balanceOf(user.id)).toBe(WELCOME);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");
  });

  it("amount different from the order is rejected", async () => {
    const { user, order } = await pebisnisOrder();

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "1000" });

    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.message).toContain("amount");
    expect(await balanceOf(user.id)).toBe(WELCOME);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");
  });

  it('"99000.00" is verified as received and matches 99000', async () => {
    const { user, order } = await pebisnisOrder();

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000.00" });

    expect(response.status).toBe(200);
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
  });

  it('"99000.00" signed over "99000" is rejected', async () => {
    const { user, order } = await pebisnisOrder();
    const signedOverPlain =
      callbackForm({ merchantOrderId: order.merchantOrderId, amount: "99000" }).get("signature") ?? "";

    const response = await postCallback({
      merchantOrderId: order.merchantOrderId,
      amount: "99000.00",
      signature: signedOverPlain,
    });

    expect(response.status).toBe(403);
    expect(await balanceOf(user.id)).toBe(WELCOME);
  });

  it('resultCode "01" marks the order failed without credits', async () => {
    const { user, order } = await pebisnisOrder();

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000", resultCode: "01" });

    expect(response.status).toBe(200);
    expect(response.text).toBe("SUCCESS");
    const row = await orderRow(order.merchantOrderId);
    expect(row?.status).toBe("failed");
    expect(row?.result_code).toBe("01");
    expect(await balanceOf(user.id)).toBe(WELCOME);
  });

  it('"01" after settlement leaves the order paid', async () => {
    const { user, order } = await pebisnisOrder();
    await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000" });

    const late = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000", resultCode: "01" });

    expect(late.status).toBe(200);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("paid");
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
  });

  it("payment for a failed order is still credited", async () => {
    const { user, order } = await pebisnisOrder();
    await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000", resultCode: "01" });

    const paid = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000" });

    expect(paid.status).toBe(200);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("paid");
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
  });

  it("unknown resultCode is rejected", async () => {
    const { order } = await pebisnisOrder();

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000", resultCode: "07" });

    expect(response.status).toBe(400);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");
  });

  it("unknown order answers 404", async () => {
    const response = await postCallback({ merchantOrderId: "LMK-NOPE-0000000000", amount: "99000" });

    expect(response.status).toBe(404);
    expect(JSON.parse(response.text).error.code).toBe("not_found");
  });

  it("JSON body is accepted too", async () => {
    const { user, order } = await pebisnisOrder();
    const form = callbackForm({ merchantOrderId: order.merchantOrderId, amount: "99000" });
    const json = { ...Object.fromEntries(form), amount: 99000 };

    const response = await call("/api/payments/duitku/callback", {
      method: "POST",
      headers: { "cf-connecting-ip": callbackIp() },
      json,
    });

    expect(response.status).toBe(200);
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
  });

  it("body without a content type gets 415", async () => {
    const { order } = await pebisnisOrder();

    const response = await call("/api/payments/duitku/callback", {
      method: "POST",
      headers: { "cf-connecting-ip": callbackIp() },
      body: new Blob([callbackForm({ merchantOrderId: order.merchantOrderId, amount: "99000" }).toString()]),
    });

    expect(response.status).toBe(415);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");
  });

  it("missing fields get 400 with field details", async () => {
    const response = await call("/api/payments/duitku/callback", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": callbackIp() },
      body: "merchantCode=DSIMTEST&amount=99000",
    });

    expect(response.status).toBe(400);
    const paths = response.body.error.details.fields.map((field: { path: string }) => field.path);
    expect(paths).toContain("merchantOrderId");
    expect(paths).toContain("signature");
  });

  it("form POST without Origin passes CSRF", async () => {
    const { order } = await pebisnisOrder();

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000" });

    expect(response.status).toBe(200);
  });

  it("CSRF still guards the other payment routes", async () => {
    const { cookie } = await signUp();

    // What a form on another site would send: a browser always adds its Origin.
    const crossSiteForm = await call("/api/payments", {
      method: "POST",
      cookie,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "itemId=pebisnis",
    });
    const crossSiteJson = await call("/api/payments", {
      method: "POST",
      cookie,
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ itemId: "pebisnis" }),
    });

    expect(crossSiteForm.status).toBe(403);
    expect(crossSiteJson.status).toBe(403);
  });

  it("source address outside the allowlist is rejected", async () => {
    const { user, order } = await pebisnisOrder();
    const form = callbackForm({ merchantOrderId: order.merchantOrderId, amount: "99000" }).toString();
    const post = (ip: string) =>
      callWithEnv({ DUITKU_CALLBACK_IPS: "203.0.113.10, 203.0.113.11" }, "/api/payments/duitku/callback", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip },
        body: form,
      });

    const outside = await post("198.51.100.7");
    expect(outside.status).toBe(403);
    expect(await balanceOf(user.id)).toBe(WELCOME);

    const inside = await post("203.0.113.11");
    expect(inside.status).toBe(200);
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
  });

  it("crash after crediting is completed without a second credit", async () => {
    const { user, order } = await pebisnisOrder();
    // The state a crash between the two steps leaves: credited in the CreditAccount, D1 still pending.
    await creditAccount(env, user.id).grant(user.id, {
      amount: 1800,
      kind: "topup",
      idempotencyKey: `order:${order.merchantOrderId}`,
      reference: order.merchantOrderId,
      description: "Paket PEBISNIS",
    });
    expect((await orderRow(order.merchantOrderId))?.status).toBe("pending");

    const response = await postCallback({ merchantOrderId: order.merchantOrderId, amount: "99000" });

    expect(response.status).toBe(200);
    expect((await orderRow(order.merchantOrderId))?.status).toBe("paid");
    expect(await balanceOf(user.id)).toBe(WELCOME + 1800);
    expect(await orderLedgerEntries(user.id, order.merchantOrderId)).toBe(1);
  });
});
