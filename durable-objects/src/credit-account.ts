import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../worker/src/core/env";

export type LedgerKind =
  | "welcome"
  | "topup"
  | "plan"
  | "adjustment"
  | "refund"
  | "job_reserve"
  | "job_capture"
  | "job_release";

export interface LedgerEntry {
  seq: number;
  amount: number;
  balanceAfter: number;
  kind: LedgerKind;
  reference: string | null;
  idempotencyKey: string;
  description: string | null;
  createdAt: number;
}

export type ReserveResult =
  | { ok: true; balance: number; replayed: boolean }
  | { ok: false; reason: "insufficient_credits"; balance: number; required: number };

export type SettleResult =
  | { ok: true; balance: number; replayed: boolean; outcome: "capture" | "release" }
  | { ok: false; reason: "unknown_reservation" | "exceeds_reservation"; held: number };

interface ReservationRow {
  key: string;
  amount: number;
  held: number;
  [column: string]: SqlStorageValue;
}

// An alarm retries mirroring into D1 when D1 was unreachable at write time.
const MIRROR_RETRY_MS = 30_000;

/**
 * The balance and append-only ledger of one user. The object runs one request at a time and
 * every change is one synchronous SQLite transaction, so concurrent callers cannot overspend.
 * Expected failures (not enough credits, unknown reservation) are returned as values, not
 * thrown, so that callers never rely on exceptions crossing the RPC boundary.
 */
export class CreditAccount extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY CHECK (id = 1), user_id TEXT NOT NULL, balance INTEGER NOT NULL CHECK (balance >= 0));
      CREATE TABLE IF NOT EXISTS ledger (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        amount INTEGER NOT NULL,
        balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
        kind TEXT NOT NULL,
        reference TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        description TEXT,
        created_at INTEGER NOT NULL,
        mirrored INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS reservations (key TEXT PRIMARY KEY, amount INTEGER NOT NULL, held INTEGER NOT NULL CHECK (held >= 0));
      CREATE TABLE IF NOT EXISTS settlements (key TEXT PRIMARY KEY, reservation_key TEXT NOT NULL, outcome TEXT NOT NULL, amount INTEGER NOT NULL);
    `);
  }

  /** Binds this object to its user on first use; the id is needed to mirror rows into D1. */
  private ensureAccount(userId: string): void {
    const row = this.sql.exec<{ user_id: string }>("SELECT user_id FROM account WHERE id = 1").toArray()[0];
    if (!row) {
      this.sql.exec("INSERT INTO account (id, user_id, balance) VALUES (1, ?, 0)", userId);
    } else if (row.user_id !== userId) {
      throw new Error("CreditAccount is bound to another user");
    }
  }

  private currentBalance(): number {
    const row = this.sql.exec<{ balance: number }>("SELECT balance FROM account WHERE id = 1").toArray()[0];
    return row?.balance ?? 0;
  }

  private findEntry(idempotencyKey: string): LedgerEntry | null {
    const row = this.sql
      .exec<Record<string, SqlStorageValue>>("SELECT * FROM ledger WHERE idempotency_key = ?", idempotencyKey)
      .toArray()[0];
    return row ? toEntry(row) : null;
  }

  /** Appends one entry and moves the balance; callers run it inside `transactionSync`. */
  private append(
    amount: number,
    kind: LedgerKind,
    idempotencyKey: string,
    reference: string | null,
    description: string | null,
  ): number {
    const balanceAfter = this.currentBalance() + amount;
    if (balanceAfter < 0) throw new Error("balance would go below zero");

    this.sql.exec("UPDATE account SET balance = ? WHERE id = 1", balanceAfter);
    this.sql.exec(
      "INSERT INTO ledger (amount, balance_after, kind, reference, idempotency_key, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      amount,
      balanceAfter,
      kind,
      reference,
      idempotencyKey,
      description,
      Date.now(),
    );
    return balanceAfter;
  }

  async getBalance(userId: string): Promise<number> {
    this.ensureAccount(userId);
    return this.currentBalance();
  }

  /** Adds credits (welcome bonus, top-up, plan, refund, admin adjustment); idempotent by key. */
  async grant(
    userId: string,
    input: { amount: number; kind: LedgerKind; idempotencyKey: string; reference?: string; description?: string },
  ): Promise<{ balance: number; replayed: boolean; entry: LedgerEntry }> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
      throw new Error("grant amount must be a positive integer");
    this.ensureAccount(userId);

    const existing = this.findEntry(input.idempotencyKey);
    if (existing) return { balance: this.currentBalance(), replayed: true, entry: existing };

    const balance = this.ctx.storage.transactionSync(() =>
      this.append(input.amount, input.kind, input.idempotencyKey, input.reference ?? null, input.description ?? null),
    );
    await this.mirror();
    return { balance, replayed: false, entry: this.findEntry(input.idempotencyKey) as LedgerEntry };
  }

  /**
   * Removes credits directly (an admin correction); refuses to go below zero. Jobs use
   * reserve and settle instead.
   */
  async debit(
    userId: string,
    input: { amount: number; kind: LedgerKind; idempotencyKey: string; reference?: string; description?: string },
  ): Promise<ReserveResult> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
      throw new Error("debit amount must be a positive integer");
    this.ensureAccount(userId);

    if (this.findEntry(input.idempotencyKey)) return { ok: true, balance: this.currentBalance(), replayed: true };

    const balance = this.currentBalance();
    if (balance < input.amount) {
      return { ok: false, reason: "insufficient_credits", balance, required: input.amount };
    }

    const after = this.ctx.storage.transactionSync(() =>
      this.append(-input.amount, input.kind, input.idempotencyKey, input.reference ?? null, input.description ?? null),
    );
    await this.mirror();
    return { ok: true, balance: after, replayed: false };
  }

  /** Holds `amount` for a job. Replaying the same key returns the first outcome unchanged. */
  async reserve(
    userId: string,
    input: { key: string; amount: number; reference: string; description?: string },
  ): Promise<ReserveResult> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
      throw new Error("reserve amount must be a positive integer");
    this.ensureAccount(userId);

    const known = this.sql.exec("SELECT key FROM reservations WHERE key = ?", input.key).toArray()[0];
    if (known) return { ok: true, balance: this.currentBalance(), replayed: true };

    const balance = this.currentBalance();
    if (balance < input.amount) {
      return { ok: false, reason: "insufficient_credits", balance, required: input.amount };
    }

    const after = this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        "INSERT INTO reservations (key, amount, held) VALUES (?, ?, ?)",
        input.key,
        input.amount,
        input.amount,
      );
      return this.append(
        -input.amount,
        "job_reserve",
        `reserve:${input.key}`,
        input.reference,
        input.description ?? null,
      );
    });
    await this.mirror();
    return { ok: true, balance: after, replayed: false };
  }

  /**
   * Settles part of a reservation: `capture` keeps the credits as spent, `release` returns them.
   * Each part is settled once by `partKey`; a retry returns the first outcome, even if it requests
   * the other one, so a part is never both charged and refunded.
   */
  async settle(
    userId: string,
    input: {
      reservationKey: string;
      partKey: string;
      amount: number;
      outcome: "capture" | "release";
      reference: string;
    },
  ): Promise<SettleResult> {
    if (!Number.isSafeInteger(input.amount) || input.amount < 0)
      throw new Error("settle amount must be a non-negative integer");
    this.ensureAccount(userId);

    const done = this.sql
      .exec<{ outcome: "capture" | "release" }>("SELECT outcome FROM settlements WHERE key = ?", input.partKey)
      .toArray()[0];
    if (done) return { ok: true, balance: this.currentBalance(), replayed: true, outcome: done.outcome };

    const reservation = this.sql
      .exec<ReservationRow>("SELECT key, amount, held FROM reservations WHERE key = ?", input.reservationKey)
      .toArray()[0];
    if (!reservation) return { ok: false, reason: "unknown_reservation", held: 0 };
    if (reservation.held < input.amount) return { ok: false, reason: "exceeds_reservation", held: reservation.held };

    const balance = this.ctx.storage.transactionSync(() => {
      this.sql.exec("UPDATE reservations SET held = held - ? WHERE key = ?", input.amount, input.reservationKey);
      this.sql.exec(
        "INSERT INTO settlements (key, reservation_key, outcome, amount) VALUES (?, ?, ?, ?)",
        input.partKey,
        input.reservationKey,
        input.outcome,
        input.amount,
      );
      if (input.outcome === "release") {
        return this.append(input.amount, "job_release", `release:${input.partKey}`, input.reference, null);
      }
      // A capture moves no credits (they left the balance at reserve time); the entry records that they are spent.
      return this.append(0, "job_capture", `capture:${input.partKey}`, input.reference, null);
    });
    await this.mirror();
    return { ok: true, balance, replayed: false, outcome: input.outcome };
  }

  /** Credits still held by a reservation (reserved minus settled parts). */
  async held(userId: string, reservationKey: string): Promise<number> {
    this.ensureAccount(userId);
    const row = this.sql
      .exec<{ held: number }>("SELECT held FROM reservations WHERE key = ?", reservationKey)
      .toArray()[0];
    return row?.held ?? 0;
  }

  /** Copies unmirrored ledger rows into D1; the unique key makes a repeated copy harmless. */
  private async mirror(): Promise<void> {
    while (await this.mirrorBatch()) {
      // Keep copying until every row is mirrored or D1 fails.
    }
  }

  /** Mirrors up to 50 rows; returns whether more may be waiting. */
  private async mirrorBatch(): Promise<boolean> {
    const account = this.sql.exec<{ user_id: string }>("SELECT user_id FROM account WHERE id = 1").toArray()[0];
    if (!account) return false;

    const pending = this.sql
      .exec<Record<string, SqlStorageValue>>("SELECT * FROM ledger WHERE mirrored = 0 ORDER BY seq LIMIT 50")
      .toArray()
      .map(toEntry);
    if (pending.length === 0) return false;

    try {
      const insert = this.env.DB.prepare(
        "INSERT OR IGNORE INTO credit_ledger (user_id, seq, amount, balance_after, kind, reference, idempotency_key, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      await this.env.DB.batch(
        pending.map((entry) =>
          insert.bind(
            account.user_id,
            entry.seq,
            entry.amount,
            entry.balanceAfter,
            entry.kind,
            entry.reference,
            entry.idempotencyKey,
            entry.description,
            entry.createdAt,
          ),
        ),
      );
      const last = pending[pending.length - 1] as LedgerEntry;
      this.sql.exec("UPDATE ledger SET mirrored = 1 WHERE mirrored = 0 AND seq <= ?", last.seq);
      return pending.length === 50;
    } catch (error) {
      console.error(
        JSON.stringify({
          level: "error",
          message: "ledger mirror to D1 failed; retrying by alarm",
          error: String(error),
        }),
      );
      await this.ctx.storage.setAlarm(Date.now() + MIRROR_RETRY_MS);
      return false;
    }
  }

  override async alarm(): Promise<void> {
    await this.mirror();
  }
}

function toEntry(row: Record<string, SqlStorageValue>): LedgerEntry {
  return {
    seq: Number(row.seq),
    amount: Number(row.amount),
    balanceAfter: Number(row.balance_after),
    kind: row.kind as LedgerKind,
    reference: (row.reference as string | null) ?? null,
    idempotencyKey: String(row.idempotency_key),
    description: (row.description as string | null) ?? null,
    createdAt: Number(row.created_at),
  };
}
