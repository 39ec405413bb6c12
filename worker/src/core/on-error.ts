import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { AppEnv } from "./context";
import { ConfigError } from "./env";
import { AppError, type ErrorCode } from "./errors";
import { logger } from "./logger";

function envelope(code: ErrorCode, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, requestId, ...(details ? { details } : {}) } };
}

// Hono's own middleware (CSRF, body limit, the OpenAPI media-type gate) throws HTTPException.
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

const HTTP_EXCEPTION_MESSAGES: Partial<Record<ErrorCode, string>> = {
  forbidden: "The request was rejected because it did not come from an allowed origin",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Send the body as JSON with Content-Type: application/json",
};

// Each broken configuration is logged once per isolate, not once per request.
const reportedConfigErrors = new WeakSet<ConfigError>();

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
    const code = HTTP_EXCEPTION_CODES[err.status] ?? "invalid_request";
    const message = HTTP_EXCEPTION_MESSAGES[code] ?? (err.message || "The request is invalid");
    return c.json(envelope(code, message, requestId), err.status as ContentfulStatusCode);
  }

  if (err instanceof ConfigError) {
    if (!reportedConfigErrors.has(err)) {
      reportedConfigErrors.add(err);
      log.error("configuration invalid; every request gets 503 until it is fixed", { problems: err.problems });
    }
    return c.json(envelope("service_unavailable", "Service unavailable", requestId), 503);
  }

  log.error("unhandled error", { error: err });
  return c.json(envelope("internal_error", "Internal error", requestId), 500);
};
