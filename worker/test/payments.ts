import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { creditAccount } from "../src/credits/account";
import { callbackSignature } from "../src/payments/duitku/signature";
import { call } from "./http";

// Must equal DUITKU_MERCHANT_CODE and DUITKU_API_KEY in vitest.config.ts.
export const MERCHANT_CODE = "DSIMTEST";
export const API_KEY = "test-duitku-api-key-0123456789abcdef";

let ipCounter = 0;

/** A fresh source address, so that the per-IP callback limit only bites where a test wants it. */
export function callbackIp(): string {
  ipCounter += 1;
  return `2001:db8:d1::${crypto.randomUUID().slice(0, 4)}:${ipCounter.toString(16)}`;
}

export interface CallbackInput {
  merchantOrderId: string;
  /** Sent as is and signed as is, e.g. "99000" or "99000.00". */
  amount: string;
  resultCode?: string;
  reference?: string;
  merchantCode?: string;
  /** Key used to sign; a wrong one makes an invalid signature. */
  apiKey?: string;
  signature?: string;
}

/** Builds the form Duitku posts, signed md5(merchantCode + amount + merchantOrderId + apiKey). */
export function callbackForm(input: CallbackInput): URLSearchParams {
  const merchantCode = input.merchantCode ?? MERCHANT_CODE;
  return new URLSearchParams({
    merchantCode,
    amount: input.amount,
    merchantOrderId: input.merchantOrderId,
    productDetail: "Lumiku",
    additionalParam: "",
    paymentCode: "VC",
    resultCode: input.resultCode ?? "00",
    merchantUserId: "",
    reference: input.reference ?? "",
    signature:
      input.signature ?? callbackSignature(merchantCode, input.amount, input.merchantOrderId, input.apiKey ?? API_KEY),
    spUserHash: "",
  });
}

/** Posts a callback the way Duitku does: form-urlencoded, no cookie, no Origin. */
export function postCallback(input: CallbackInput, options: { ip?: string; headers?: Record<string, string> } = {}) {
  return call<string>("/api/payments/duitku/callback", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "cf-connecting-ip": options.ip ?? callbackIp(),
      ...options.headers,
    },
    body: callbackForm(input).toString(),
  });
}

export async function buy(cookie: string, body: Record<string, unknown>) {
  return call("/api/payments", { method: "POST", cookie, json: body });
}

/** Buys `itemId` and returns the created order; fails the test on anything but 201. */
export async function createOrder(cookie: string, itemId: string) {
  const response = await buy(cookie, { itemId });
  if (response.status !== 201) throw new Error(`order creation failed: ${response.status} ${response.text}`);
  return response.body as { merchantOrderId: string; paymentUrl: string; reference: string; amount: number };
}

/** Calls a control route of the Duitku simulator started by the global setup. */
export async function simulator<T = any>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const response = await fetch(`${inject("duitkuSimulatorUrl")}${path}`, {
    method: init.method ?? (init.json === undefined ? "GET" : "POST"),
    headers: init.json === undefined ? {} : { "content-type": "application/json" },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export function balanceOf(userId: string): Promise<number> {
  return creditAccount(env, userId).getBalance(userId);
}

export async function orderRow(merchantOrderId: string) {
  return env.DB.prepare("SELECT * FROM payment_orders WHERE merchant_order_id = ?")
    .bind(merchantOrderId)
    .first<Record<string, unknown>>();
}

/** Number of ledger entries the CreditAccount holds for an order's credits (mirrored into D1). */
export async function orderLedgerEntries(userId: string, merchantOrderId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM credit_ledger WHERE user_id = ? AND idempotency_key = ?")
    .bind(userId, `order:${merchantOrderId}`)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function makeAdmin(userId: string): Promise<void> {
  await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(userId).run();
}
