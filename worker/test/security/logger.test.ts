import { describe, expect, it } from "vitest";
import { createLogger, redact, redactText } from "../../src/core/logger";
import { captureLogs } from "./helpers";

const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJzaWQiOiJzLTEifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMTIzNDU2";

describe("logger redaction", () => {
  const fields: [string, Record<string, unknown>, string][] = [
    ["a password field", { password: "hunter2-secret" }, "hunter2-secret"],
    ["a nested new password", { body: { newPassword: "nested-pass-123" } }, "nested-pass-123"],
    ["a token field", { refreshToken: "rt-abcdef123456" }, "rt-abcdef123456"],
    ["a cookie header field", { headers: { cookie: "lumiku_access=abc123" } }, "abc123"],
    ["an authorization field", { authorization: "Bearer zzz-bearer-value" }, "zzz-bearer-value"],
    ["an API key field", { apiKey: "ak_live_998877" }, "ak_live_998877"],
    ["an x-api-key header", { "x-api-key": "hdr-key-556677" }, "hdr-key-556677"],
    ["a signature field", { signature: "5f4dcc3b5aa765d61d8327deb882cf99" }, "5f4dcc3b5aa765d61d8327deb882cf99"],
    ["a password hash", { passwordHash: "pbkdf2-sha256$100000$salt$hash" }, "pbkdf2-sha256$100000"],
    ["secrets inside an array", { list: [{ secret: "in-array-secret" }] }, "in-array-secret"],
  ];
  for (const [name, value, secret] of fields) {
    it(`hides ${name}`, () => {
      expect(JSON.stringify(redact(value))).not.toContain(secret);
    });
  }

  const texts: [string, string, string][] = [
    ["a Bearer token", "renderer said 401 for Authorization: Bearer s3cr3t-renderer-token", "s3cr3t-renderer-token"],
    ["a bare Bearer token", "retrying with Bearer abc.def.ghi-token", "abc.def.ghi-token"],
    ["token= in a query string", "GET /download?token=tok_123456&expires=99", "tok_123456"],
    ["sig= in a signed URL", "fetching https://api/x?expires=1&sig=deadbeefcafe", "deadbeefcafe"],
    ["password= in a message", "login failed password=hunter2 for user", "hunter2"],
    ["api_key= in a message", "duitku api_key=DK-abc-123 rejected", "DK-abc-123"],
    ["a JSON-encoded secret", '{"merchantCode":"D1","apiKey":"json-api-key-1"}', "json-api-key-1"],
    [
      "a Cookie header line",
      "headers: Cookie: __Host-lumiku_access=abc; __Host-lumiku_refresh=def",
      "__Host-lumiku_refresh=def",
    ],
    ["a Set-Cookie line", "set-cookie: lumiku_refresh=refresh-value-9; Path=/", "refresh-value-9"],
    ["a JWT anywhere", `token in body ${JWT} end`, JWT],
    ["a signature= pair", "callback signature=abcdef0123456789 mismatch", "abcdef0123456789"],
  ];
  for (const [name, text, secret] of texts) {
    it(`hides ${name} in text`, () => {
      const cleaned = redactText(text);
      expect(cleaned).not.toContain(secret);
      expect(cleaned).toContain("[redacted]");
    });
  }

  it("keeps ordinary text readable", () => {
    const message = "JWT_SECRET must be at least 32 bytes; requestId=abc-123 sessionId=s-1 design=flat";
    expect(redactText(message)).toBe(message);
  });

  it("redacts error messages and stacks", () => {
    const error = new Error("upstream rejected password=hunter2");
    const cleaned = redact({ error }) as { error: { message: string; stack: string } };
    expect(cleaned.error.message).not.toContain("hunter2");
    expect(cleaned.error.stack).not.toContain("hunter2");
  });

  it("writes one redacted JSON line per entry", async () => {
    const { lines } = await captureLogs(async () => {
      createLogger({ requestId: "r-1" }).warn("sent Bearer live-token-1", { token: "t", user: { password: "p" } });
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({
      level: "warn",
      requestId: "r-1",
      token: "[redacted]",
      user: { password: "[redacted]" },
    });
    expect(entry.message).toBe("sent Bearer [redacted]");
  });
});
