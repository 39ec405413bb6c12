import { describe, expect, it } from "vitest";
import { callWithEnv } from "../http";
import { captureLogs, productionEnv } from "./helpers";

const SHORT_SECRET = "only-twenty-bytes-xx";
const WELL_KNOWN = "your-super-secret-jwt-key-change-this-in-production";

async function requestWith(overrides: Record<string, string | undefined>, path = "/api/auth/me") {
  return captureLogs(() => callWithEnv(productionEnv(overrides), path));
}

describe("configuration guard", () => {
  it("serves with a complete production configuration", async () => {
    const { result } = await requestWith({}, "/health");
    expect(result.status).toBe(200);
  });

  const broken: [string, Record<string, string | undefined>, string, string | undefined][] = [
    ["missing JWT_SECRET", { JWT_SECRET: undefined }, "JWT_SECRET is missing", undefined],
    ["short JWT_SECRET", { JWT_SECRET: SHORT_SECRET }, "JWT_SECRET must be at least 32 bytes", SHORT_SECRET],
    ["well-known JWT_SECRET", { JWT_SECRET: WELL_KNOWN }, "JWT_SECRET is a well-known example value", WELL_KNOWN],
    [
      "short RENDERER_SECRET",
      { RENDERER_SECRET: SHORT_SECRET },
      "RENDERER_SECRET must be at least 32 bytes",
      SHORT_SECRET,
    ],
    [
      "one value for both secrets",
      { RENDERER_SECRET: productionEnv().JWT_SECRET as string },
      "RENDERER_SECRET must differ from JWT_SECRET",
      productionEnv().JWT_SECRET as string,
    ],
    [
      "http PUBLIC_BASE_URL",
      { PUBLIC_BASE_URL: "http://api.lumiku.test" },
      "PUBLIC_BASE_URL must use https",
      undefined,
    ],
    ["http WEB_ORIGINS", { WEB_ORIGINS: "http://app.lumiku.test" }, "WEB_ORIGINS entries must use https", undefined],
    ["an origin with a path", { WEB_ORIGINS: "https://app.lumiku.test/x" }, "bare origins", undefined],
    ["unknown APP_ENV", { APP_ENV: "staging" }, "APP_ENV must be development, test or production", undefined],
  ];

  for (const [name, overrides, problem, secretValue] of broken) {
    it(`answers 503 for ${name}`, async () => {
      const { result, lines } = await requestWith(overrides);

      expect(result.status).toBe(503);
      expect(result.body.error.code).toBe("service_unavailable");
      expect(result.body.error.message).toBe("Service unavailable");
      expect(result.text).not.toContain(problem);

      const logged = lines.join("\n");
      expect(logged).toContain(problem);
      if (secretValue) expect(logged).not.toContain(secretValue);
      if (secretValue) expect(result.text).not.toContain(secretValue);
    });
  }

  it("treats a missing APP_ENV as production", async () => {
    // The test suite's own secrets are fine for tests but well-known, and the URLs are plain http.
    const { result, lines } = await captureLogs(() =>
      callWithEnv(
        {
          APP_ENV: undefined,
          PUBLIC_BASE_URL: "http://127.0.0.1:8787",
          WEB_ORIGINS: "http://127.0.0.1:5173",
        } as Partial<Cloudflare.Env>,
        "/health",
      ),
    );
    expect(result.status).toBe(503);
    expect(lines.join("\n")).toContain("JWT_SECRET is a well-known example value");
  });

  it("serves a missing APP_ENV with production-grade settings", async () => {
    const { result } = await requestWith({ APP_ENV: undefined }, "/health");
    expect(result.status).toBe(200);
  });

  it("rejects every route, health included", async () => {
    for (const path of ["/health", "/health/full", "/api/apps", "/api/openapi.json", "/nowhere"]) {
      const { result } = await requestWith({ JWT_SECRET: SHORT_SECRET }, path);
      expect(result.status, path).toBe(503);
    }
  });
});
