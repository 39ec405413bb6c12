import { describe, expect, it } from "vitest";
import { call, callWithEnv } from "../http";
import { freshIp, productionEnv } from "./helpers";

function parseSetCookie(line: string) {
  const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
  const name = pair.slice(0, pair.indexOf("="));
  const flags = new Map(
    attributes.map((attribute) => {
      const [key = "", value = ""] = attribute.split("=");
      return [key.toLowerCase(), value] as const;
    }),
  );
  return { name, flags };
}

describe("session cookies in production", () => {
  const prod = productionEnv();

  async function registerInProduction() {
    return callWithEnv(prod, "/api/auth/register", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      json: { email: `prod-${crypto.randomUUID()}@example.com`, password: "correct horse battery staple", name: "P" },
    });
  }

  it("sets __Host- cookies with Secure, HttpOnly, Path=/ and no Domain", async () => {
    const response = await registerInProduction();
    expect(response.status).toBe(201);

    const cookies = response.headers.getAll("set-cookie").map(parseSetCookie);
    expect(cookies.map((cookie) => cookie.name)).toEqual(["__Host-lumiku_access", "__Host-lumiku_refresh"]);
    for (const { flags } of cookies) {
      expect(flags.has("secure")).toBe(true);
      expect(flags.has("httponly")).toBe(true);
      expect(flags.get("path")).toBe("/");
      expect(flags.has("domain")).toBe(false);
    }
    expect(cookies[0]?.flags.get("samesite")).toBe("Lax");
    expect(cookies[0]?.flags.get("max-age")).toBe("900");
    expect(cookies[1]?.flags.get("samesite")).toBe("Strict");
  });

  it("expires them on logout with the same attributes", async () => {
    const registered = await registerInProduction();
    const cookie = registered.headers
      .getAll("set-cookie")
      .map((line) => line.split(";")[0])
      .join("; ");

    const logout = await callWithEnv(prod, "/api/auth/logout", { method: "POST", cookie });
    expect(logout.status).toBe(204);
    const cleared = logout.headers.getAll("set-cookie").map(parseSetCookie);
    expect(cleared.map((c) => c.name)).toEqual(["__Host-lumiku_access", "__Host-lumiku_refresh"]);
    for (const { flags } of cleared) {
      expect(flags.get("max-age")).toBe("0");
      expect(flags.has("secure")).toBe(true);
      expect(flags.get("path")).toBe("/");
    }
  });

  it("ignores an unprefixed cookie in production", async () => {
    const registered = await registerInProduction();
    // A sibling subdomain could plant `lumiku_access`, but only `__Host-` names are read.
    const planted = registered.headers
      .getAll("set-cookie")
      .map((line) => (line.split(";")[0] as string).replace("__Host-", ""))
      .join("; ");
    expect((await callWithEnv(prod, "/api/auth/me", { cookie: planted })).status).toBe(401);
  });
});

describe("session cookies in plain-http development", () => {
  it("uses unprefixed names without Secure", async () => {
    const response = await call("/api/auth/register", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      json: { email: `dev-${crypto.randomUUID()}@example.com`, password: "correct horse battery staple", name: "D" },
    });
    const cookies = response.headers.getAll("set-cookie").map(parseSetCookie);
    expect(cookies.map((cookie) => cookie.name)).toEqual(["lumiku_access", "lumiku_refresh"]);
    for (const { flags } of cookies) expect(flags.has("secure")).toBe(false);
  });
});
