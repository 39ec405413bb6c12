import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { creditAccount } from "./account";

async function captureOneJob(userId: string) {
  const account = creditAccount(env, userId);
  await account.reserve(userId, { key: "job-1", amount: 4, reference: "job-1" });
  await account.settle(userId, {
    reservationKey: "job-1",
    partKey: "job-1:0",
    amount: 4,
    outcome: "capture",
    reference: "job-1",
  });
}

describe("credit history", () => {
  it("leaves out zero-amount captures by default", async () => {
    const { cookie, user } = await signUp();
    await captureOneJob(user.id);

    const history = await call("/api/credits/history", { cookie });

    expect(history.status).toBe(200);
    expect(history.body.items.map((entry: { kind: string }) => entry.kind)).toEqual(["job_reserve", "welcome"]);
  });

  it("lists captures with include=all", async () => {
    const { cookie, user } = await signUp();
    await captureOneJob(user.id);

    const history = await call("/api/credits/history?include=all", { cookie });

    expect(history.status).toBe(200);
    expect(history.body.items.map((entry: { kind: string }) => entry.kind)).toEqual([
      "job_capture",
      "job_reserve",
      "welcome",
    ]);
  });

  it("hides who adjusted and why", async () => {
    const { cookie, user } = await signUp();
    await creditAccount(env, user.id).grant(user.id, {
      amount: 7,
      kind: "adjustment",
      idempotencyKey: "adjustment-1",
      reference: "admin-user-id",
      description: "internal reason",
    });

    const history = await call("/api/credits/history", { cookie });

    expect(history.body.items[0]).toMatchObject({ kind: "adjustment", amount: 7, reference: null, description: null });
  });

  it("rejects an unknown include value", async () => {
    const { cookie } = await signUp();

    const history = await call("/api/credits/history?include=zero", { cookie });

    expect(history.status).toBe(400);
    expect(history.body.error.code).toBe("invalid_request");
  });
});
