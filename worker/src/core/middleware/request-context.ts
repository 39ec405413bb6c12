import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { loadConfig } from "../env";
import { logger } from "../logger";

// Accept a caller's id only when it cannot smuggle anything into logs or headers.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Assigns the request id, a request-scoped logger and the validated config. */
export function requestContext() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const offered = c.req.header("x-request-id");
    const requestId = offered && CLIENT_REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("log", logger.child({ requestId }));
    c.header("X-Request-Id", requestId);

    c.set("config", loadConfig(c.env));

    const started = Date.now();
    await next();
    c.get("log").info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
    });
  });
}
