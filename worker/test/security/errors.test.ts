import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { call } from "../http";
import { captureLogs } from "./helpers";

const LEAKY_MESSAGE = "D1_ERROR: no such column: password_hash; password=hunter2 at 10.1.2.3";

/** Builds the production app plus one route that fails the way an unexpected bug would. */
function appWithFailingRoute() {
  const app = createApp();
  app.get("/api/test-only/boom", () => {
    throw new Error(LEAKY_MESSAGE);
  });
  return app;
}

describe("unexpected errors", () => {
  it("answers 500 with only the request id", async () => {
    const { result, lines } = await captureLogs(async () => {
      const response = await appWithFailingRoute().fetch(
        new Request("http://127.0.0.1:8787/api/test-only/boom", { headers: { "x-request-id": "trace-0123456789" } }),
        env,
        createExecutionContext(),
      );
      return { status: response.status, text: await response.text() };
    });

    expect(result.status).toBe(500);
    expect(JSON.parse(result.text)).toEqual({
      error: { code: "internal_error", message: "Internal error", requestId: "trace-0123456789" },
    });
    expect(result.text).not.toContain("D1_ERROR");
    expect(result.text).not.toContain("hunter2");

    // The log keeps the cause for the operator, with the secret redacted, under the same request id.
    const entry = lines.map((line) => JSON.parse(line)).find((line) => line.message === "unhandled error");
    expect(entry.requestId).toBe("trace-0123456789");
    expect(entry.error.message).toContain("no such column");
    expect(JSON.stringify(entry)).not.toContain("hunter2");
  });

  it("answers an unknown route with the envelope", async () => {
    const response = await call("/api/does-not-exist");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

describe("request ids", () => {
  it("echoes a well-formed client id", async () => {
    const response = await call("/health", { headers: { "x-request-id": "client-trace_01.abc" } });
    expect(response.headers.get("x-request-id")).toBe("client-trace_01.abc");
  });

  it("replaces a malformed client id", async () => {
    for (const offered of [
      "short",
      "x".repeat(65),
      "has space in it",
      "inject\\nlog-line",
      "<script>alert(1)</script>",
    ]) {
      const response = await call("/health", { headers: { "x-request-id": offered } });
      const id = response.headers.get("x-request-id");
      expect(id).not.toBe(offered);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("puts the id in error bodies and headers alike", async () => {
    const response = await call("/api/auth/me");
    expect(response.body.error.requestId).toBe(response.headers.get("x-request-id"));
  });
});
