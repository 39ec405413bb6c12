import { describe, expect, it } from "vitest";
import type { Env } from "../core/env";
import { loadDuitkuConfig } from "./config";

function envWith(overrides: Partial<Env>): Env {
  return {
    APP_ENV: "production",
    DUITKU_MERCHANT_CODE: "D1234",
    DUITKU_API_KEY: "0123456789abcdef0123456789abcdef",
    DUITKU_BASE_URL: "https://api-prod.duitku.com",
    DUITKU_CALLBACK_URL: "https://api.lumiku.example/api/payments/duitku/callback",
    DUITKU_RETURN_URL: "https://app.lumiku.example/payments/return",
    DUITKU_CALLBACK_IPS: "",
    ...overrides,
  } as Env;
}

function problems(overrides: Partial<Env>): string[] {
  const result = loadDuitkuConfig(envWith(overrides));
  return result.ok ? [] : result.problems;
}

describe("loadDuitkuConfig", () => {
  it("accepts a complete production setup", () => {
    const result = loadDuitkuConfig(envWith({ DUITKU_CALLBACK_IPS: "203.0.113.10, 2001:db8::1" }));

    expect(result.ok).toBe(true);
    expect(result.ok && result.config.callbackIps).toEqual(["203.0.113.10", "2001:db8::1"]);
  });

  it("names each missing setting", () => {
    expect(problems({ DUITKU_MERCHANT_CODE: undefined })).toEqual(["DUITKU_MERCHANT_CODE is missing"]);
    expect(problems({ DUITKU_API_KEY: "" })).toEqual(["DUITKU_API_KEY is empty"]);
    expect(problems({ DUITKU_BASE_URL: undefined })).toEqual(["DUITKU_BASE_URL is missing"]);
  });

  it("refuses the local simulator in production", () => {
    expect(problems({ DUITKU_BASE_URL: "http://127.0.0.1:8790" })).toEqual([
      "DUITKU_BASE_URL must use https in production",
      "DUITKU_BASE_URL must not point at a local address in production",
    ]);
    expect(problems({ DUITKU_BASE_URL: "https://localhost:8790" })).toEqual([
      "DUITKU_BASE_URL must not point at a local address in production",
    ]);
  });

  it("treats a missing APP_ENV as production", () => {
    expect(problems({ APP_ENV: undefined, DUITKU_BASE_URL: "http://127.0.0.1:8790" })).toHaveLength(2);
  });

  it("allows the simulator in development", () => {
    expect(problems({ APP_ENV: "development", DUITKU_BASE_URL: "http://127.0.0.1:8790" })).toEqual([]);
  });

  it("refuses Duitku's public demo key in production", () => {
    expect(problems({ DUITKU_API_KEY: "732B39FC61796845775D2C4FB05332AF" })).toEqual([
      "DUITKU_API_KEY is Duitku's public demo key",
    ]);
  });

  it("refuses an allowlist entry that is not an address", () => {
    expect(problems({ DUITKU_CALLBACK_IPS: "duitku.com" })).toHaveLength(1);
  });
});
