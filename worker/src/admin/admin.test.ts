import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { balanceOf, createOrder, makeAdmin, postCallback } from "../../test/payments";

async function signUpAdmin() {
  const account = await signUp({ name: "Admin" });
  await makeAdmin(account.user.id);
  return account;
}

function adjust(cookie: string, userId: string, body: Record<string, unknown>) {
  return call(`/api/admin/users/${userId}/adjustments`, { method: "POST", cookie, json: body });
}

async function auditRows(targetUserId: string) {
  const { results } = await env.DB.prepare("SELECT * FROM admin_audit WHERE target_user_id = ?")
    .bind(targetUserId)
    .all<{ id: string; admin_id: string; action: string; details: string }>();
  return results;
}

describe("admin access", () => {
  const routes = [
    ["GET", "/api/admin/payments"],
    ["GET", "/api/admin/users"],
    ["GET", "/api/admin/users/someone"],
    ["GET", "/api/admin/users/someone/ledger"],
    ["POST", "/api/admin/users/someone/adjustments"],
  ] as const;

  it("non-admin gets 403 on every route", async () => {
    const { cookie } = await signUp();

    for (const [method, path] of routes) {
      const response = await call(path, {
        method,
        cookie,
        json: method === "POST" ? { amount: 1, reason: "test reason" } : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it("signed out gets 401 on every route", async () => {
    for (const [method, path] of routes) {
      const response = await call(path, { method, json: method === "POST" ? {} : undefined });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it("demotion takes effect on the next request", async () => {
    const admin = await signUpAdmin();
    expect((await call("/api/admin/users", { cookie: admin.cookie })).status).toBe(200);

    await env.DB.prepare("UPDATE users SET role = 'user' WHERE id = ?").bind(admin.user.id).run();

    expect((await call("/api/admin/users", { cookie: admin.cookie })).status).toBe(403);
  });
});

describe("admin payments", () => {
  it("filters by status and searches by email or order id", async () => {
    const admin = await signUpAdmin();
    const buyer = await signUp({ email: `pembeli-${crypto.randomUUID().slice(0, 6)}@example.com` });
    const paid = await createOrder(buyer.cookie, "pebisnis");
    const pending = await createOrder(buyer.cookie, "juragan");
    await postCallback({ merchantOrderId: paid.merchantOrderId, amount: "99000" });

    const byEmail = await call(`/api/admin/payments?q=${encodeURIComponent(buyer.email)}`, { cookie: admin.cookie });
    const paidOnly = await call(`/api/admin/payments?status=paid&q=${encodeURIComponent(buyer.email)}`, {
      cookie: admin.cookie,
    });
    const byOrderId = await call(`/api/admin/payments?q=${pending.merchantOrderId.slice(0, 18)}`, {
      cookie: admin.cookie,
    });

    expect(byEmail.status).toBe(200);
    expect(byEmail.body.items.map((item: { merchantOrderId: string }) => item.merchantOrderId).sort()).toEqual(
      [paid.merchantOrderId, pending.merchantOrderId].sort(),
    );
    expect(paidOnly.body.items).toHaveLength(1);
    expect(paidOnly.body.items[0]).toMatchObject({
      merchantOrderId: paid.merchantOrderId,
      status: "paid",
      settledBy: "callback",
      user: { id: buyer.user.id, email: buyer.email },
    });
    expect(byOrderId.body.items.map((item: { merchantOrderId: string }) => item.merchantOrderId)).toContain(
      pending.merchantOrderId,
    );
  });

  it("search treats % and _ literally", async () => {
    const admin = await signUpAdmin();
    await signUp();

    const response = await call("/api/admin/payments?q=%25", { cookie: admin.cookie });

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it("rejects an unknown status", async () => {
    const admin = await signUpAdmin();

    const response = await call("/api/admin/payments?status=refunded", { cookie: admin.cookie });

    expect(response.status).toBe(400);
  });
});

describe("admin users and ledger", () => {
  it("finds a user and shows balance and ledger", async () => {
    const admin = await signUpAdmin();
    const target = await signUp({ name: "Siti Pelanggan" });

    const found = await call("/api/admin/users?q=Siti%20Pelanggan", { cookie: admin.cookie });
    const detail = await call(`/api/admin/users/${target.user.id}`, { cookie: admin.cookie });
    const ledger = await call(`/api/admin/users/${target.user.id}/ledger`, { cookie: admin.cookie });

    expect(found.body.items.map((item: { id: string }) => item.id)).toContain(target.user.id);
    expect(detail.body).toMatchObject({ id: target.user.id, balance: 100, role: "user", tier: "free" });
    expect(ledger.body.items[0]).toMatchObject({ kind: "welcome", amount: 100, balanceAfter: 100 });
  });

  it("unknown user gets 404", async () => {
    const admin = await signUpAdmin();

    expect((await call("/api/admin/users/nobody", { cookie: admin.cookie })).status).toBe(404);
    expect((await call("/api/admin/users/nobody/ledger", { cookie: admin.cookie })).status).toBe(404);
  });
});

describe("admin credit adjustment", () => {
  it("requires a reason", async () => {
    const admin = await signUpAdmin();
    const target = await signUp();

    const missing = await adjust(admin.cookie, target.user.id, { amount: 50 });
    const blank = await adjust(admin.cookie, target.user.id, { amount: 50, reason: "   " });

    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].path).toBe("reason");
    expect(blank.status).toBe(400);
    expect(await balanceOf(target.user.id)).toBe(100);
    expect(await auditRows(target.user.id)).toHaveLength(0);
  });

  it("adds credits with an audited ledger entry", async () => {
    const admin = await signUpAdmin();
    const target = await signUp();

    const response = await adjust(admin.cookie, target.user.id, { amount: 250, reason: "Kompensasi gangguan render" });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount: 250, balance: 350, replayed: false });
    const ledger = await call(`/api/admin/users/${target.user.id}/ledger`, { cookie: admin.cookie });
    expect(ledger.body.items[0]).toMatchObject({
      kind: "adjustment",
      amount: 250,
      description: "Kompensasi gangguan render",
      reference: admin.user.id,
    });
    const [audit] = await auditRows(target.user.id);
    expect(audit?.admin_id).toBe(admin.user.id);
    expect(audit?.action).toBe("credit_adjustment");
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({
      amount: 250,
      reason: "Kompensasi gangguan render",
      balanceAfter: 350,
    });
  });

  it("removes credits but never below zero", async () => {
    const admin = await signUpAdmin();
    const target = await signUp();

    const tooMuch = await adjust(admin.cookie, target.user.id, { amount: -101, reason: "Koreksi saldo" });
    const allowed = await adjust(admin.cookie, target.user.id, { amount: -100, reason: "Koreksi saldo" });

    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.details).toEqual({ balance: 100, required: 101 });
    expect(allowed.status).toBe(201);
    expect(allowed.body.balance).toBe(0);
    expect(await balanceOf(target.user.id)).toBe(0);
    expect(await auditRows(target.user.id)).toHaveLength(1);
  });

  it("retry with the same key applies once", async () => {
    const admin = await signUpAdmin();
    const target = await signUp();
    const body = { amount: 40, reason: "Bonus promo Desember", idempotencyKey: crypto.randomUUID() };

    const first = await adjust(admin.cookie, target.user.id, body);
    const retry = await adjust(admin.cookie, target.user.id, body);
    const misuse = await adjust(admin.cookie, target.user.id, { ...body, amount: 41 });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ replayed: true, balance: 140 });
    expect(misuse.status).toBe(409);
    expect(await balanceOf(target.user.id)).toBe(140);
    expect(await auditRows(target.user.id)).toHaveLength(1);
  });

  it("concurrent requests with one key report only what applied", async () => {
    const admin = await signUpAdmin();
    const target = await signUp();
    const idempotencyKey = crypto.randomUUID();

    const replies = await Promise.all(
      [1, 2, 1, 2].map((amount) =>
        adjust(admin.cookie, target.user.id, { amount, reason: "Koreksi ganda", idempotencyKey }),
      ),
    );

    const balance = await balanceOf(target.user.id);
    const applied = balance - 100;
    expect([1, 2]).toContain(applied);
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    for (const reply of replies) {
      if (reply.status === 201 || reply.status === 200) expect(reply.body.amount).toBe(applied);
      else expect(reply.status).toBe(409);
    }
    const audit = await auditRows(target.user.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]?.details)).amount).toBe(applied);
  });

  it("rejects zero and unknown users", async () => {
    const admin = await signUpAdmin();
    const target = await signUp();

    expect((await adjust(admin.cookie, target.user.id, { amount: 0, reason: "nothing at all" })).status).toBe(400);
    expect((await adjust(admin.cookie, "nobody", { amount: 5, reason: "ghost user" })).status).toBe(404);
  });
});
