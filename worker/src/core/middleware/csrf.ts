import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

/**
 * Server-to-server callbacks that arrive as form posts without an Origin header; each one
 * authenticates itself with a signature instead of a cookie.
 */
export const CSRF_EXEMPT_PATHS = new Set(["/api/payments/duitku/callback"]);

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

function rejected(): never {
  throw new AppError("forbidden", "The request was rejected because it did not come from an allowed origin");
}

/**
 * Rejects cross-site writes from browsers. Browsers send `Origin` (and `Sec-Fetch-Site`) on every
 * cross-origin write, so a write naming a foreign origin, or marked cross-site or same-site
 * without an origin, is rejected whatever its content type; JSON routes therefore do not depend on
 * CORS preflights alone. Hono's `csrf()` then applies the same allowlist to form-like bodies. A
 * request with neither header comes from a non-browser client, which has no victim's cookies,
 * and passes.
 */
export function csrfProtection() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHOD.test(c.req.method) || CSRF_EXEMPT_PATHS.has(c.req.path)) return next();

    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    if (origin === undefined && fetchSite === undefined) return next();

    const config = c.get("config");
    const isAllowed = (value: string) => value === config.publicBaseUrl || config.webOrigins.includes(value);
    if (origin !== undefined && !isAllowed(origin)) rejected();
    if (origin === undefined && fetchSite !== "same-origin") rejected();

    return csrf({ origin: isAllowed, secFetchSite: "same-origin" })(c, next);
  });
}
