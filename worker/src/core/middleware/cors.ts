import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

/**
 * CORS for the web app: only origins listed in WEB_ORIGINS get `Access-Control-Allow-Origin`,
 * with credentials, so a page elsewhere can neither read responses nor send JSON with cookies.
 */
export function corsForWebOrigins() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const allowed = c.get("config").webOrigins;
    const handler = cors({
      origin: (origin) => (allowed.includes(origin) ? origin : null),
      allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
      allowHeaders: ["Content-Type", "X-Request-Id"],
      exposeHeaders: ["X-Request-Id", "Retry-After", "Content-Disposition"],
      credentials: true,
      maxAge: 600,
    });
    return handler(c, next);
  });
}
