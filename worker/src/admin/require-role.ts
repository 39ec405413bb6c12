import { createMiddleware } from "hono/factory";
import { authenticate } from "../auth/session";
import type { AppEnv, SessionUser } from "../core/context";
import { AppError } from "../core/errors";

/**
 * Lets the request through only for a signed-in user with `role`; others get 401 when signed
 * out and 403 when signed in with another role. The role is read from D1 with the session on
 * every request, so a demotion takes effect at once.
 */
export function requireRole(role: SessionUser["role"]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("user")) c.set("user", await authenticate(c));
    if (c.get("user").role !== role) throw new AppError("forbidden", "This area is for administrators only");
    await next();
  });
}
