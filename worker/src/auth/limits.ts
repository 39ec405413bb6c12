import type { AppContext } from "../core/context";
import { clientIp, consumeRateLimit, rateLimit } from "../core/middleware/rate-limit";

// Each binding's limit and period are set in wrangler.toml; the period is 60 s for all of these.
const PERIOD_SECONDS = 60;

/** Login attempts per client IP. */
export const loginPerIp = rateLimit({
  binding: (env) => env.LOGIN_LIMITER,
  key: (c) => `login:ip:${clientIp(c)}`,
  retryAfterSeconds: PERIOD_SECONDS,
});

/** Login attempts per target account, keyed by the email so unknown addresses are limited the same way. */
export function limitLoginPerAccount(c: AppContext, email: string): Promise<void> {
  return consumeRateLimit(c.env.LOGIN_LIMITER, `login:account:${email}`, PERIOD_SECONDS);
}

/** Signups per client IP. */
export const signupPerIp = rateLimit({
  binding: (env) => env.SIGNUP_LIMITER,
  key: (c) => `signup:ip:${clientIp(c)}`,
  retryAfterSeconds: PERIOD_SECONDS,
});

/** Password changes per client IP and per account (the route runs after requireUser). */
export const passwordChangePerIp = rateLimit({
  binding: (env) => env.PASSWORD_LIMITER,
  key: (c) => `password:ip:${clientIp(c)}`,
  retryAfterSeconds: PERIOD_SECONDS,
});

export const passwordChangePerAccount = rateLimit({
  binding: (env) => env.PASSWORD_LIMITER,
  key: (c) => `password:account:${c.get("user").id}`,
  retryAfterSeconds: PERIOD_SECONDS,
});

/** Token refreshes per client IP. */
export const refreshPerIp = rateLimit({
  binding: (env) => env.AUTH_LIMITER,
  key: (c) => `refresh:ip:${clientIp(c)}`,
  retryAfterSeconds: PERIOD_SECONDS,
});
