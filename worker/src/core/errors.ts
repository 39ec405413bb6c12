import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "invalid_request"
  | "unauthorized"
  /** The access token expired: call `POST /api/auth/refresh`, then repeat the request. */
  | "token_expired"
  | "forbidden"
  | "insufficient_credits"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "range_not_satisfiable"
  | "rate_limited"
  /** Too many failed logins; `details.retryAt` and `Retry-After` give the time to try again. */
  | "account_locked"
  | "internal_error"
  | "service_unavailable";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  unauthorized: 401,
  token_expired: 401,
  insufficient_credits: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  account_locked: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/**
 * The one error type the API throws on purpose. `onError` turns it into
 * `{ error: { code, message, requestId, details? } }` with the status that belongs to the code.
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

/**
 * Builds a 400 for one field, in the same shape as a schema failure: `details.fields[{ path, message, code? }]`.
 * `code` names the rule that failed, so that clients can translate the message.
 */
export function invalidField(path: string, message: string, code?: string): AppError {
  return new AppError("invalid_request", "The request is invalid", {
    fields: [{ path, message, ...(code ? { code } : {}) }],
  });
}
