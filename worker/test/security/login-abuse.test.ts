import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../http";
import { countRows, freshIp, signUpFromFreshIp, startOfRateWindow } from "./helpers";

function login(email: string, password: string, ip: string) {
  return call("/api/auth/login", { method: "POST", headers: { "cf-connecting-ip": ip }, json: { email, password } });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

describe("brute-force login", () => {
  it("locks the account and rate-limits 100 attempts", async () => {
    const { email } = await signUpFromFreshIp();
    const ip = freshIp();
    await startOfRateWindow();

    const responses = [];
    for (let attempt = 0; attempt < 100; attempt += 1) responses.push(await login(email, `wrong guess ${attempt}`, ip));
    const codes = responses.map((response) => response.body.error?.code);

    expect(responses.every((response) => response.status !== 200)).toBe(true);
    expect(codes.slice(0, 4)).toEqual(["unauthorized", "unauthorized", "unauthorized", "unauthorized"]);
    expect(codes[4]).toBe("account_locked");
    expect(codes.filter((code) => code === "rate_limited").length).toBeGreaterThanOrEqual(80);

    const locked = responses[4]!;
    expect(locked.status).toBe(429);
    const retryAt = Date.parse(locked.body.error.details.retryAt);
    expect(retryAt - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);

    const limited = responses.find((response) => response.body.error?.code === "rate_limited")!;
    expect(limited.headers.get("retry-after")).toBe("60");

    // Nothing else was written: no session for any of the 100 attempts beyond signup's own.
    expect(await countRows("sessions s JOIN users u ON u.id = s.user_id", "u.email = ?", email)).toBe(1);
  }, 30_000);

  it("refuses the right password while locked, and accepts it after", async () => {
    const { email, password, user } = await signUpFromFreshIp();
    for (let attempt = 0; attempt < 5; attempt += 1) await login(email, "not the password!", freshIp());

    const whileLocked = await login(email, password, freshIp());
    expect(whileLocked.status).toBe(429);
    expect(whileLocked.body.error.code).toBe("account_locked");

    await env.DB.prepare("UPDATE users SET locked_until = ? WHERE id = ?")
      .bind(Date.now() - 1000, user.id)
      .run();
    const afterLock = await login(email, password, freshIp());
    expect(afterLock.status).toBe(200);
    expect(await countRows("users", "id = ? AND failed_login_count = 0 AND locked_until IS NULL", user.id)).toBe(1);
  });

  it("counts unknown emails against the per-account limit too", async () => {
    const email = `nobody-${crypto.randomUUID()}@example.com`;
    await startOfRateWindow();
    const statuses = [];
    for (let attempt = 0; attempt < 12; attempt += 1)
      statuses.push((await login(email, "whatever-123", freshIp())).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  }, 30_000);

  it("takes as long for unknown emails as for known ones", async () => {
    const accounts = [];
    for (let index = 0; index < 5; index += 1) accounts.push(await signUpFromFreshIp());

    const known: number[] = [];
    const unknown: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const account = accounts[run % accounts.length]!;
      // Four wrong passwords per account stay under the lockout threshold of five.
      let started = performance.now();
      await login(account.email, "definitely wrong", freshIp());
      known.push(performance.now() - started);

      started = performance.now();
      await login(`ghost-${run}-${crypto.randomUUID()}@example.com`, "definitely wrong", freshIp());
      unknown.push(performance.now() - started);
    }

    // Without the dummy hash an unknown email would return in about 1 ms against about 20 ms for a
    // known one (local workerd). With it, both paths run one PBKDF2 verification.
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  }, 30_000);
});

describe("signup abuse", () => {
  it("limits signups per IP", async () => {
    const ip = freshIp();
    await startOfRateWindow();
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await call("/api/auth/register", {
        method: "POST",
        headers: { "cf-connecting-ip": ip },
        json: {
          email: `burst-${crypto.randomUUID()}@example.com`,
          password: "correct horse battery staple",
          name: "B",
        },
      });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get("retry-after")).toBe("60");
    }
    expect(statuses.slice(0, 5).every((status) => status === 201)).toBe(true);
    expect(statuses[5]).toBe(429);
  }, 30_000);
});
