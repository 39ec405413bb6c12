import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, callWithEnv } from "../http";
import { freshIp } from "./helpers";

function fullHealth(overrides: Partial<Cloudflare.Env> = {}) {
  return callWithEnv(overrides, "/health/full", { headers: { "cf-connecting-ip": freshIp() } });
}

describe("health", () => {
  it("answers liveness without touching dependencies", async () => {
    const response = await call("/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  it("reports every dependency with its timing", async () => {
    const response = await fullHealth();
    expect(response.status, response.text).toBe(200);
    expect(response.body.status).toBe("ok");
    for (const name of ["database", "bucket", "queue", "renderer"]) {
      expect(response.body.checks[name]).toEqual({ status: "ok", durationMs: expect.any(Number) });
    }
    // The R2 round trip cleaned up after itself.
    expect((await env.BUCKET.list({ prefix: "health/" })).objects).toEqual([]);
  });

  it("answers 503 when the renderer is down, without secrets", async () => {
    // Nothing listens on port 9; workerd also prints the refused connection as "Network connection lost".
    const response = await fullHealth({ RENDERER_URL: "http://127.0.0.1:9" });
    expect(response.status).toBe(503);
    expect(response.body.status).toBe("degraded");
    expect(response.body.checks.renderer).toMatchObject({ status: "error", error: "unreachable or failed" });
    expect(response.body.checks.database.status).toBe("ok");
    expect(response.text).not.toContain(env.RENDERER_SECRET);
  });

  it("answers 503 when R2 fails", async () => {
    const broken = new Proxy(env.BUCKET, {
      get(target, property) {
        if (property === "put") return () => Promise.reject(new Error("R2 put failed: token=abc123"));
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const response = await fullHealth({ BUCKET: broken });
    expect(response.status).toBe(503);
    expect(response.body.checks.bucket).toMatchObject({ status: "error", error: "unreachable or failed" });
    expect(response.text).not.toContain("abc123");
  });

  it("answers 503 when the queue binding is missing", async () => {
    const response = await fullHealth({ RENDER_QUEUE: undefined as unknown as Queue });
    expect(response.status).toBe(503);
    expect(response.body.checks.queue).toMatchObject({ status: "error", error: "RENDER_QUEUE binding missing" });
  });

  it("limits full checks per client", async () => {
    const ip = freshIp();
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await call("/health/full", { headers: { "cf-connecting-ip": ip } })).status);
    }
    expect(statuses).toContain(429);
  });
});
