import { afterEach, describe, expect, inject, it } from "vitest";
import { API_KEY, MERCHANT_CODE, simulator } from "../../../test/payments";
import type { DuitkuConfig } from "../config";
import { DuitkuClient, DuitkuError, resetDuitkuCircuit } from "./client";

function config(): DuitkuConfig {
  return {
    merchantCode: MERCHANT_CODE,
    apiKey: API_KEY,
    baseUrl: inject("duitkuSimulatorUrl"),
    callbackUrl: "http://127.0.0.1:8787/api/payments/duitku/callback",
    returnUrl: "http://127.0.0.1:5173/payments/return",
    callbackIps: [],
    production: false,
  };
}

afterEach(async () => {
  await simulator("/__sim/faults", { method: "DELETE" });
  resetDuitkuCircuit();
});

describe("DuitkuClient", () => {
  it("status check times out", async () => {
    const client = new DuitkuClient(config(), { statusTimeoutMs: 200, statusAttempts: 1 });
    await simulator("/__sim/faults", { json: { endpoint: "transactionStatus", mode: "hang", count: 1 } });

    const started = Date.now();
    const error = await client.transactionStatus("LMK-TIMEOUT-1").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DuitkuError);
    expect((error as DuitkuError).kind).toBe("unavailable");
    expect((error as DuitkuError).message).toContain("timed out");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("wrong API key is rejected by Duitku's signature check", async () => {
    const client = new DuitkuClient({ ...config(), apiKey: "wrong" });

    const error = await client
      .createInvoice({
        merchantOrderId: "LMK-BADKEY-1",
        amount: 99_000,
        productDetails: "Lumiku Paket PEBISNIS",
        email: "a@example.com",
        customerName: "A",
        userId: "u1",
        expiryMinutes: 60,
      })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DuitkuError);
    expect((error as DuitkuError).kind).toBe("rejected");
  });
});
