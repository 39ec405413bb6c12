import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { AppEnv } from "./context";
import { ConfigError } from "./env";
import { AppError, type ErrorCode } from "./errors";
import { logger } from "./logger";

function envelope(code: ErrorCode, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, requestId, ...(details ? { details } : {}) } };
}

/** Maps every thrown value to the one error envelope; unexpected errors reveal only the request id. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const requestId = c.get("requestId") ?? crypto.randomUUID();
  const log = c.get("log") ?? logger.child({ requestId });
  c.header("X-Request-Id", requestId);

  if (err instanceof AppError) {
    if (err.status >= 500) log.error("request failed", { code: err.code, error: err });
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return c.json(envelope(err.code, err.message, requestId, err.details), err.status);
  }

  if (err instanceof z.ZodError) {
    const fields = err.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return c.json(envelope("invalid_request", "The request is invalid", requestId, { fields }), 400);
  }

  if (err instanceof HTTPException && err.status < 500) {
    const code: ErrorCode =
      err.status === 413 ? "payload_too_large" : err.status === 401 ? "unauthorized" : "invalid_request";
    return c.json(envelope(code, err.message || "The request is invalid", requestId), err.status);
  }

  if (err instanceof ConfigError) {
    log.error("configuration invalid; refusing to serve", { problems: err.problems });
    return c.json(envelope("service_unavailable", "Service unavailable", requestId), 503);
  }

  log.error("unhandled error", { error: err });
  return c.json(envelope("internal_error", "Internal error", requestId), 500);
};
