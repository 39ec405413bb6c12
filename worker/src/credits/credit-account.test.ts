import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { creditAccount } from "./account";

function freshAccount(balance: number) {
  const userId = `user-${crypto.randomUUID()}`;
  const account = creditAccount(env, userId);
  return { userId, account, ready: account.grant(userId, { amount: balance, kind: "topup", idempotencyKey: "seed" }) };
}

interface LedgerRow {
  kind: string;
  amount: number;
  balance_after: number;
}

async function ledgerRows(userId: string): Promise<LedgerRow[]> {
  const stub = creditAccount(env, userId);
  return runInDurableObject(stub, (_instance, state) =>
    state.storage.sql
      .exec<{ kind: string; amount: number; balance_after: number }>(
        "SELECT kind, amount, balance_after FROM ledger ORDER BY seq",
      )
      .toArray(),
  );
}

describe("CreditAccount", () => {
  it("never overspends under concurrent debits", async () => {
    const { userId, account, ready } = freshAccount(150);
    await ready;

    // Ten debits of 30 against 150: five fit. Failures are return values, so none throws across RPC.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        account.debit(userId, { amount: 30, kind: "adjustment", idempotencyKey: `debit-${index}` }),
      ),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok)).toHaveLength(5);
    expect(await account.getBalance(userId)).toBe(0);
    const rows = await ledgerRows(userId);
    expect(rows.filter((row) => row.kind === "adjustment")).toHaveLength(5);
    expect(rows.every((row) => row.balance_after >= 0)).toBe(true);
  });

  it("rolls back a change that throws after its first write", async () => {
    const { userId, account, ready } = freshAccount(50);
    await ready;

    await runInDurableObject(account, (_instance, state) => {
      expect(() =>
        state.storage.transactionSync(() => {
          state.storage.sql.exec("UPDATE account SET balance = balance - 20 WHERE id = 1");
          throw new Error("crash between the balance and the ledger write");
        }),
      ).toThrow("crash between");
    });

    expect(await account.getBalance(userId)).toBe(50);
    expect(await ledgerRows(userId)).toHaveLength(1);
  });

  it("refuses a balance below zero even from SQL", async () => {
    const { userId, account, ready } = freshAccount(10);
    await ready;

    await runInDurableObject(account, (_instance, state) => {
      expect(() => state.storage.sql.exec("UPDATE account SET balance = -1 WHERE id = 1")).toThrow(/CHECK/);
    });

    expect(await account.getBalance(userId)).toBe(10);
  });

  it("reserves once per key", async () => {
    const { userId, account, ready } = freshAccount(100);
    await ready;

    const first = await account.reserve(userId, { key: "gen-1", amount: 40, reference: "gen-1" });
    const again = await account.reserve(userId, { key: "gen-1", amount: 40, reference: "gen-1" });

    expect(first).toEqual({ ok: true, balance: 60, replayed: false });
    expect(again).toEqual({ ok: true, balance: 60, replayed: true });
    expect(await account.held(userId, "gen-1")).toBe(40);
  });

  it("settles each part once, keeping the first outcome", async () => {
    const { userId, account, ready } = freshAccount(100);
    await ready;
    await account.reserve(userId, { key: "gen-2", amount: 40, reference: "gen-2" });
    const part = (partKey: string, outcome: "capture" | "release") =>
      account.settle(userId, { reservationKey: "gen-2", partKey, amount: 20, outcome, reference: "gen-2" });

    expect(await part("gen-2:0", "capture")).toMatchObject({ ok: true, outcome: "capture", replayed: false });
    // A redelivered message that now requests a release must not refund a captured part.
    expect(await part("gen-2:0", "release")).toMatchObject({ ok: true, outcome: "capture", replayed: true });
    expect(await part("gen-2:1", "release")).toMatchObject({ ok: true, outcome: "release", balance: 80 });
    expect(await part("gen-2:1", "release")).toMatchObject({ ok: true, replayed: true, balance: 80 });

    expect(await account.held(userId, "gen-2")).toBe(0);
    expect(await account.getBalance(userId)).toBe(80);
  });

  it("rejects settling more than is held or an unknown reservation", async () => {
    const { userId, account, ready } = freshAccount(100);
    await ready;
    await account.reserve(userId, { key: "gen-3", amount: 10, reference: "gen-3" });

    const tooMuch = await account.settle(userId, {
      reservationKey: "gen-3",
      partKey: "gen-3:0",
      amount: 11,
      outcome: "release",
      reference: "gen-3",
    });
    const unknown = await account.settle(userId, {
      reservationKey: "missing",
      partKey: "missing:0",
      amount: 1,
      outcome: "release",
      reference: "missing",
    });

    expect(tooMuch).toEqual({ ok: false, reason: "exceeds_reservation", held: 10 });
    expect(unknown).toEqual({ ok: false, reason: "unknown_reservation", held: 0 });
    expect(await account.getBalance(userId)).toBe(90);
  });

  it("mirrors every ledger entry into D1 once", async () => {
    const { userId, account, ready } = freshAccount(30);
    await ready;
    await account.grant(userId, { amount: 5, kind: "refund", idempotencyKey: "refund-1" });
    await account.grant(userId, { amount: 5, kind: "refund", idempotencyKey: "refund-1" });

    const mirrored = await env.DB.prepare("SELECT kind, amount FROM credit_ledger WHERE user_id = ? ORDER BY seq")
      .bind(userId)
      .all();

    expect(mirrored.results).toEqual([
      { kind: "topup", amount: 30 },
      { kind: "refund", amount: 5 },
    ]);
  });
});
