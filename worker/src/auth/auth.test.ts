import { describe, expect, it } from "vitest";
import { call, signUp } from "../../test/http";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "./password";

describe("migrations", () => {
  it("created the users table", async () => {
    const { env } = await import("cloudflare:workers");
    expect(env.TEST_MIGRATIONS.length).toBeGreaterThan(0);
    const row = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'").first();
    expect(row).toEqual({ name: "users" });
  });
});

describe("password hashing", () => {
  it("stays within the production iteration cap", async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const stored = await hashPassword("a perfectly fine passphrase");
    expect(stored.split("$").slice(0, 2)).toEqual(["pbkdf2-sha256", "100000"]);
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("päßwörd ✓ with unicode 🙂");
    expect(await verifyPassword("päßwörd ✓ with unicode 🙂", stored)).toBe(true);
    expect(await verifyPassword("päßwörd ✓ with unicode 🙃", stored)).toBe(false);
    expect(await verifyPassword("anything", "md5$1$abc$def")).toBe(false);
  });
});

describe("register and login", () => {
  it("gives a new account 100 welcome credits", async () => {
    const { cookie } = await signUp();
    const me = await call("/api/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body.balance).toBe(100);
  });

  it("rejects a short password with field details", async () => {
    const response = await call("/api/auth/register", {
      method: "POST",
      json: { email: "short@example.com", password: "short", name: "S" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.details.fields[0].path).toBe("password");
  });

  it("rejects a duplicate email with 409", async () => {
    const { email } = await signUp();
    const again = await call("/api/auth/register", {
      method: "POST",
      json: { email: email.toUpperCase(), password: "another long password", name: "Dup" },
    });
    expect(again.status).toBe(409);
  });

  it("logs in, then logout revokes the session", async () => {
    const { email, password } = await signUp();
    const login = await call("/api/auth/login", { method: "POST", json: { email, password } });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;

    const logout = await call("/api/auth/logout", { method: "POST", cookie });
    expect(logout.status).toBe(204);
    const me = await call("/api/auth/me", { cookie });
    expect(me.status).toBe(401);
  });

  it("rejects a wrong password with 401", async () => {
    const { email } = await signUp();
    const login = await call("/api/auth/login", { method: "POST", json: { email, password: "wrong password!!" } });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe("unauthorized");
  });

  it("rejects a JSON route without a JSON content type", async () => {
    const response = await call("/api/auth/login", { method: "POST", body: "email=a@b.c&password=x" });
    expect(response.status).toBe(415);
  });
});
