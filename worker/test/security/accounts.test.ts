import { describe, expect, it } from "vitest";
import { checkPasswordStrength, passwordEstimator } from "../../src/auth/password-strength";
import { call, cookiesFrom } from "../http";
import { countRows, freshIp, signUpFromFreshIp } from "./helpers";

function register(password: string, email = `pw-${crypto.randomUUID()}@example.com`, name = "Sari Wulandari") {
  return call("/api/auth/register", {
    method: "POST",
    headers: { "cf-connecting-ip": freshIp() },
    json: { email, password, name },
  });
}

describe("password policy", () => {
  const rejected: [string, string][] = [
    ["11 characters", "abcdefghijk"],
    ["129 characters", "correct horse battery staple ".repeat(5).slice(0, 129)],
    ["a common password", "password1234"],
    ["a keyboard walk", "qwertyuiop123"],
    ["one repeated character", "aaaaaaaaaaaaaaaa"],
    ["the user's own name", "SariWulandari2024"],
    ["common Indonesian words", "bismillahsukses"],
  ];
  for (const [name, password] of rejected) {
    it(`rejects ${name}`, async () => {
      const email = `weak-${crypto.randomUUID()}@example.com`;
      const response = await register(password, email);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].path).toBe("password");
      expect(await countRows("users", "email = ?", email)).toBe(0);
    });
  }

  it("accepts 128 characters of any script without truncating", async () => {
    const password = "Kata sandi rahasia 🐉 кириллица 中文密码 ".repeat(4);
    const exactly128 = [...password].slice(0, 128).join("");
    const email = `long-${crypto.randomUUID()}@example.com`;
    expect((await register(exactly128, email)).status).toBe(201);

    const login = (password: string) =>
      call("/api/auth/login", {
        method: "POST",
        headers: { "cf-connecting-ip": freshIp() },
        json: { email, password },
      });
    expect((await login(exactly128)).status).toBe(200);
    // Dropping the last character must fail: nothing is cut off before hashing.
    expect((await login([...exactly128].slice(0, 127).join(""))).status).toBe(401);
  });

  it("builds the estimator once per isolate", () => {
    expect(passwordEstimator()).toBe(passwordEstimator());
    expect(checkPasswordStrength("correct horse battery staple").acceptable).toBe(true);
  });
});

describe("profile and password change", () => {
  it("renames the user", async () => {
    const { cookie } = await signUpFromFreshIp();
    const response = await call("/api/auth/profile", { method: "PATCH", cookie, json: { name: "  Budi  " } });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe("Budi");
    expect((await call("/api/auth/me", { cookie })).body.name).toBe("Budi");
  });

  it("rejects an empty or oversized name", async () => {
    const { cookie } = await signUpFromFreshIp();
    for (const name of ["", "   ", "x".repeat(101)]) {
      expect((await call("/api/auth/profile", { method: "PATCH", cookie, json: { name } })).status).toBe(400);
    }
  });

  it("needs the current password", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    const before = await countRows("users", "id = ? AND password_changed_at IS NULL", user.id);
    const response = await call("/api/auth/password", {
      method: "POST",
      cookie,
      json: { currentPassword: "not my password", newPassword: "a brand new unguessable phrase" },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.details.fields[0].path).toBe("currentPassword");
    expect(await countRows("users", "id = ? AND password_changed_at IS NULL", user.id)).toBe(before);
  });

  it("rejects a weak new password", async () => {
    const { cookie, password } = await signUpFromFreshIp();
    const response = await call("/api/auth/password", {
      method: "POST",
      cookie,
      json: { currentPassword: password, newPassword: "password12345" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].path).toBe("newPassword");
  });

  it("revokes every other session and keeps this one", async () => {
    const { cookie, email, password, user } = await signUpFromFreshIp();
    const other = await call("/api/auth/login", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      json: { email, password },
    });
    const otherCookie = cookiesFrom(other.headers);

    const change = await call("/api/auth/password", {
      method: "POST",
      cookie,
      json: { currentPassword: password, newPassword: "a brand new unguessable phrase" },
    });
    expect(change.status).toBe(204);

    expect((await call("/api/auth/me", { cookie })).status).toBe(200);
    expect((await call("/api/auth/me", { cookie: otherCookie })).status).toBe(401);
    expect((await call("/api/auth/refresh", { method: "POST", cookie: otherCookie })).status).toBe(401);
    expect(await countRows("sessions", "user_id = ? AND revoked_at IS NULL", user.id)).toBe(1);

    const oldLogin = await call("/api/auth/login", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      json: { email, password },
    });
    expect(oldLogin.status).toBe(401);
  });

  it("limits password changes per account", async () => {
    const { cookie } = await signUpFromFreshIp();
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await call("/api/auth/password", {
        method: "POST",
        cookie,
        headers: { "cf-connecting-ip": freshIp() },
        json: { currentPassword: "wrong wrong wrong", newPassword: "a brand new unguessable phrase" },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 403)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});

describe("sessions page", () => {
  const CHROME_ANDROID =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

  async function loginFrom(email: string, password: string, userAgent: string) {
    const response = await call("/api/auth/login", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp(), "user-agent": userAgent },
      json: { email, password },
    });
    return cookiesFrom(response.headers);
  }

  it("lists live sessions with browser, OS and the current flag", async () => {
    const { cookie, email, password } = await signUpFromFreshIp();
    await loginFrom(email, password, CHROME_ANDROID);

    const response = await call("/api/auth/sessions", { cookie });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    const phone = response.body.items.find((item: { current: boolean }) => !item.current);
    expect(phone).toMatchObject({ browser: "Chrome 126", os: "Android 14", deviceType: "mobile", current: false });
    expect(response.body.items.filter((item: { current: boolean }) => item.current)).toHaveLength(1);
  });

  it("pages with a cursor", async () => {
    const { cookie, email, password } = await signUpFromFreshIp();
    for (let index = 0; index < 3; index += 1) await loginFrom(email, password, CHROME_ANDROID);

    const first = await call("/api/auth/sessions?limit=3", { cookie });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(`/api/auth/sessions?limit=3&cursor=${first.body.nextCursor}`, { cookie });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(4);

    expect((await call("/api/auth/sessions?cursor=%%%", { cookie })).status).toBe(400);
    expect((await call("/api/auth/sessions?limit=1000", { cookie })).status).toBe(400);
  });

  it("revokes one session by id", async () => {
    const { cookie, email, password } = await signUpFromFreshIp();
    const phone = await loginFrom(email, password, CHROME_ANDROID);
    const list = await call("/api/auth/sessions", { cookie });
    const phoneId = list.body.items.find((item: { current: boolean }) => !item.current).id;

    expect((await call(`/api/auth/sessions/${phoneId}`, { method: "DELETE", cookie })).status).toBe(204);
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie })).status).toBe(200);
    expect((await call(`/api/auth/sessions/${phoneId}`, { method: "DELETE", cookie })).status).toBe(404);
  });

  it("answers 404 for another user's session and leaves it alive", async () => {
    const victim = await signUpFromFreshIp();
    const attacker = await signUpFromFreshIp();
    const victimSessions = await call("/api/auth/sessions", { cookie: victim.cookie });
    const victimSessionId = victimSessions.body.items[0].id;

    const response = await call(`/api/auth/sessions/${victimSessionId}`, { method: "DELETE", cookie: attacker.cookie });
    expect(response.status).toBe(404);
    expect((await call("/api/auth/me", { cookie: victim.cookie })).status).toBe(200);
  });

  it("revokes all others at once", async () => {
    const { cookie, email, password } = await signUpFromFreshIp();
    const a = await loginFrom(email, password, CHROME_ANDROID);
    const b = await loginFrom(email, password, CHROME_ANDROID);

    const response = await call("/api/auth/sessions/revoke-others", { method: "POST", cookie });
    expect(response.body).toEqual({ revoked: 2 });
    expect((await call("/api/auth/me", { cookie: a })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie: b })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie })).status).toBe(200);
  });
});
