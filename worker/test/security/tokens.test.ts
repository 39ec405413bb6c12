import { env } from "cloudflare:workers";
import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { call, cookiesFrom } from "../http";
import {
  base64url,
  captureLogs,
  cookieValue,
  countRows,
  decodeJwtPayload,
  freshIp,
  signUpFromFreshIp,
} from "./helpers";

const SECRET = new TextEncoder().encode(env.JWT_SECRET);

/** Signs in and returns the session's cookies plus the claims of its access token. */
async function session() {
  const { cookie, user } = await signUpFromFreshIp();
  const access = cookieValue(cookie, "lumiku_access");
  const claims = decodeJwtPayload(access);
  return { cookie, user, access, refresh: cookieValue(cookie, "lumiku_refresh"), sid: claims.sid as string };
}

function claimsFor(userId: string, sid: string) {
  return new SignJWT({ sid }).setSubject(userId).setIssuer("lumiku-api").setAudience("lumiku-web").setIssuedAt();
}

async function meWithAccess(token: string) {
  return call("/api/auth/me", { cookie: `lumiku_access=${token}` });
}

describe("access token forgery", () => {
  it("accepts the token it issued", async () => {
    const { access } = await session();
    expect((await meWithAccess(access)).status).toBe(200);
  });

  it("rejects a token signed HS512 with the right secret", async () => {
    const { user, sid } = await session();
    const token = await claimsFor(user.id, sid)
      .setProtectedHeader({ alg: "HS512" })
      .setExpirationTime("5m")
      .sign(SECRET);
    const response = await meWithAccess(token);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthorized");
  });

  it("rejects a token signed RS256", async () => {
    const { user, sid } = await session();
    const { privateKey } = await generateKeyPair("RS256");
    const token = await claimsFor(user.id, sid)
      .setProtectedHeader({ alg: "RS256" })
      .setExpirationTime("5m")
      .sign(privateKey);
    expect((await meWithAccess(token)).status).toBe(401);
  });

  it("rejects an unsigned alg none token", async () => {
    const { user, sid } = await session();
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url(
      JSON.stringify({ sub: user.id, sid, iss: "lumiku-api", aud: "lumiku-web", iat: now, exp: now + 300 }),
    );
    for (const token of [`${header}.${payload}.`, `${header}.${payload}`]) {
      expect((await meWithAccess(token)).status).toBe(401);
    }
  });

  it("rejects HS256 signed with another secret", async () => {
    const { user, sid } = await session();
    const token = await claimsFor(user.id, sid)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("attacker-chosen-secret-0123456789abcdef"));
    expect((await meWithAccess(token)).status).toBe(401);
  });

  it("rejects a valid token moved to another user", async () => {
    const victim = await session();
    const attacker = await session();
    // The attacker's own session id with the victim's user id: the session row does not match.
    const token = await claimsFor(victim.user.id, attacker.sid)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("5m")
      .sign(SECRET);
    expect((await meWithAccess(token)).status).toBe(401);
  });

  it("answers token_expired for an expired token", async () => {
    const { user, sid } = await session();
    const past = Math.floor(Date.now() / 1000) - 60;
    const token = await claimsFor(user.id, sid)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(SECRET);
    const response = await meWithAccess(token);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("token_expired");
  });

  it("answers token_expired when only the refresh cookie is left", async () => {
    const { refresh } = await session();
    const response = await call("/api/auth/me", { cookie: `lumiku_refresh=${refresh}` });
    expect(response.body.error.code).toBe("token_expired");
  });

  it("rejects a revoked session's token at once", async () => {
    const { cookie, access } = await session();
    expect((await call("/api/auth/logout", { method: "POST", cookie })).status).toBe(204);
    const response = await meWithAccess(access);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthorized");
  });
});

describe("refresh token rotation", () => {
  async function refreshWith(refresh: string) {
    return call("/api/auth/refresh", {
      method: "POST",
      cookie: `lumiku_refresh=${refresh}`,
      headers: { "cf-connecting-ip": freshIp() },
    });
  }

  it("rotates both tokens", async () => {
    const { refresh, access } = await session();
    const response = await refreshWith(refresh);
    expect(response.status).toBe(200);

    const next = cookiesFrom(response.headers);
    expect(cookieValue(next, "lumiku_refresh")).not.toBe(refresh);
    expect(cookieValue(next, "lumiku_access")).not.toBe(access);
    expect((await call("/api/auth/me", { cookie: next })).status).toBe(200);
  });

  it("revokes the family when a rotated token is reused", async () => {
    const { refresh, sid, user } = await session();
    const first = await refreshWith(refresh);
    const next = cookiesFrom(first.headers);

    // Move the rotation out of the parallel-refresh grace window, as if the thief came back later.
    await env.DB.prepare("UPDATE refresh_tokens SET rotated_at = rotated_at - 60000 WHERE session_id = ?")
      .bind(sid)
      .run();

    const { result: replay, lines } = await captureLogs(() => refreshWith(refresh));
    expect(replay.status).toBe(401);
    expect(replay.headers.getAll("set-cookie").every((line) => line.includes("Max-Age=0"))).toBe(true);

    // The whole family is dead: the new access token and the new refresh token both fail.
    expect((await call("/api/auth/me", { cookie: next })).status).toBe(401);
    expect((await refreshWith(cookieValue(next, "lumiku_refresh"))).status).toBe(401);
    expect(await countRows("sessions", "id = ? AND revoked_at IS NOT NULL", sid)).toBe(1);

    const event = lines.map((line) => JSON.parse(line)).find((entry) => entry.event === "refresh_token_reuse");
    expect(event).toMatchObject({ level: "warn", userId: user.id, sessionId: sid });
  });

  it("lets a parallel refresh through without new tokens", async () => {
    const { refresh, sid } = await session();
    const [a, b] = [await refreshWith(refresh), await refreshWith(refresh)];
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers.getAll("set-cookie")).toEqual([]);
    expect(await countRows("sessions", "id = ? AND revoked_at IS NULL", sid)).toBe(1);
  });

  it("rejects an unknown or malformed refresh token", async () => {
    for (const token of ["x".repeat(43), "not-a-token", "../../etc/passwd"]) {
      expect((await refreshWith(token)).status).toBe(401);
    }
    expect((await call("/api/auth/refresh", { method: "POST" })).status).toBe(401);
  });

  it("rejects a refresh token after logout", async () => {
    const { cookie, refresh } = await session();
    await call("/api/auth/logout", { method: "POST", cookie });
    expect((await refreshWith(refresh)).status).toBe(401);
  });
});
