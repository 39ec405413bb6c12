import type { Env } from "../core/env";
import { RendererError, rendererFetch } from "../renderer/transport";

export interface CheckResult {
  status: "ok" | "error";
  durationMs: number;
  /** A fixed description of the failure; never the underlying message, which may name hosts or keys. */
  error?: string;
}

export const RENDERER_HEALTH_TIMEOUT_MS = 2_000;

class CheckFailed extends Error {}

async function timed(run: () => Promise<void>): Promise<CheckResult> {
  const started = Date.now();
  try {
    await run();
    return { status: "ok", durationMs: Date.now() - started };
  } catch (error) {
    return { status: "error", durationMs: Date.now() - started, error: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof CheckFailed) return error.message;
  if (error instanceof RendererError) return `renderer responded with HTTP ${error.status}`;
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return "timed out";
  }
  return "unreachable or failed";
}

export function checkDatabase(env: Env): Promise<CheckResult> {
  return timed(async () => {
    const row = await env.DB.prepare("SELECT 1 AS ok").first<{ ok: number }>();
    if (row?.ok !== 1) throw new CheckFailed("unexpected query result");
  });
}

/** Writes, reads back and deletes a small object under `health/`. */
export function checkBucket(env: Env): Promise<CheckResult> {
  return timed(async () => {
    const key = `health/${crypto.randomUUID()}`;
    const body = crypto.randomUUID();
    try {
      await env.BUCKET.put(key, body);
      const object = await env.BUCKET.get(key);
      if ((await object?.text()) !== body) throw new CheckFailed("read back different bytes");
    } finally {
      await env.BUCKET.delete(key);
    }
  });
}

/** Checks that the queue binding is configured; probing it further would mean sending a job. */
export function checkQueue(env: Env): Promise<CheckResult> {
  return timed(async () => {
    if (typeof env.RENDER_QUEUE?.send !== "function") throw new CheckFailed("RENDER_QUEUE binding missing");
  });
}

export function checkRenderer(env: Env): Promise<CheckResult> {
  return timed(async () => {
    const response = await rendererFetch(env, "/health", { signal: AbortSignal.timeout(RENDERER_HEALTH_TIMEOUT_MS) });
    const body = (await response.json()) as { status?: unknown };
    if (body.status !== "ok") throw new CheckFailed("renderer reported not ok");
  });
}
