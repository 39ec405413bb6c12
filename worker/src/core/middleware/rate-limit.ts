import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../context";
import type { Env } from "../env";
import { AppError } from "../errors";

interface RateLimitOptions {
  /** Picks the Rate Limiting binding; its limit and period are set in wrangler.toml. */
  binding: (env: Env) => RateLimit;
  /** Names the counter, e.g. `login:ip:203.0.113.9`. */
  key: (c: AppContext) => string;
  /** Seconds a client should wait; the binding's period (10 or 60 s). */
  retryAfterSeconds: number;
}

export function clientIp(c: AppContext): string {
  return c.req.header("cf-connecting-ip") ?? "local";
}

/**
 * Counts one request against `key` and throws 429 with `Retry-After` once the counter is spent.
 * For limits whose key is known only inside a handler, such as the account a login names.
 */
export async function consumeRateLimit(binding: RateLimit, key: string, retryAfterSeconds: number): Promise<void> {
  const { success } = await binding.limit({ key });
  if (!success) {
    throw new AppError("rate_limited", "Too many requests; try again later", undefined, {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}

/** Rejects with 429 and `Retry-After` once the binding's counter for this key is spent. */
export function rateLimit(options: RateLimitOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await consumeRateLimit(options.binding(c.env), options.key(c), options.retryAfterSeconds);
    await next();
  });
}
