import { describe, expect, it } from "vitest";
import { call } from "../http";

const SECURITY_HEADERS = [
  "content-security-policy",
  "strict-transport-security",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-resource-policy",
  "cross-origin-opener-policy",
  "cache-control",
  "x-powered-by",
];

function pick(headers: Headers) {
  return Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers.get(name)]));
}

const API_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(), browsing-topics=()",
  "cross-origin-resource-policy": "same-site",
  "cross-origin-opener-policy": "same-origin",
  "cache-control": "no-store",
  "x-powered-by": null,
};

describe("response headers", () => {
  it("match the snapshot on a success", async () => {
    expect(pick((await call("/health")).headers)).toEqual(API_HEADERS);
  });

  it("match the snapshot on an error", async () => {
    expect(pick((await call("/api/auth/me")).headers)).toEqual(API_HEADERS);
    expect(pick((await call("/api/nowhere")).headers)).toEqual(API_HEADERS);
  });

  it("give only the docs page its wider CSP", async () => {
    const docs = await call("/api/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self' https://cdn.jsdelivr.net; style-src https://cdn.jsdelivr.net 'unsafe-inline'; img-src 'self' data: https://cdn.jsdelivr.net; font-src https://cdn.jsdelivr.net; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    // No inline script: the start-up code is a file, so the CSP needs no 'unsafe-inline' for scripts.
    expect(docs.text).not.toMatch(/<script>(?!<\/script>)/);
    expect(docs.text).toContain('integrity="sha384-');

    const spec = await call("/api/openapi.json");
    expect(spec.headers.get("content-security-policy")).toBe(API_HEADERS["content-security-policy"]);
  });
});
