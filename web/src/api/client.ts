/**
 * The one fetch wrapper for the Lumiku API. Every failure becomes an `ApiError` carrying the
 * code, message and request id of the API's error envelope `{error:{code,message,requestId,details?}}`.
 */

// Empty means the API is served from the same origin (the Vite proxy in dev, a route in production).
export const API_BASE_URL: string = (import.meta.env.VITE_API_BASE_URL ?? "").replace(/\/$/, "");

/** Error codes the app translates. The API may send others, which show the API's own message. */
export type ApiErrorCode =
  | "invalid_request"
  | "unauthorized"
  | "token_expired"
  | "forbidden"
  | "insufficient_credits"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal_error"
  | "service_unavailable"
  | "network_error"
  | "invalid_response";

export interface FieldIssue {
  path: string;
  message: string;
  /** The rule that failed (e.g. `weak_password`), when the API names one. */
  code?: string;
}

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | (string & {}),
    message: string,
    readonly requestId: string | null = null,
    readonly details: Record<string, unknown> | null = null,
    /** Seconds from a `Retry-After` header, when the API sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** Field problems from a 400 `invalid_request` whose details list `fields`. */
  get fieldIssues(): FieldIssue[] {
    const fields = this.details?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (field): field is FieldIssue =>
        typeof field === "object" &&
        field !== null &&
        typeof (field as FieldIssue).path === "string" &&
        typeof (field as FieldIssue).message === "string",
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Builds an `ApiError` from a failed response's status, body text and headers. A body that is not
 * the envelope (a proxy's HTML page, an empty 502) still yields an error with a generic code.
 */
export function toApiError(status: number, bodyText: string, headers: { get(name: string): string | null }): ApiError {
  const headerRequestId = headers.get("x-request-id");
  const retryAfter = parseRetryAfter(headers.get("retry-after"));

  let body: unknown = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    body = null;
  }

  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (envelope && typeof envelope.code === "string" && typeof envelope.message === "string") {
    return new ApiError(
      status,
      envelope.code,
      envelope.message,
      typeof envelope.requestId === "string" ? envelope.requestId : headerRequestId,
      isRecord(envelope.details) ? envelope.details : null,
      retryAfter,
    );
  }

  const code = status >= 500 ? "service_unavailable" : "invalid_response";
  return new ApiError(status, code, `The server returned HTTP ${status}`, headerRequestId, null, retryAfter);
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  signal?: AbortSignal;
  /**
   * When false, a 401 is only thrown and does not send the user to the sign-in page. Sign-in,
   * sign-up and the session check use this because a 401 is an expected response there.
   */
  authRedirect?: boolean;
}

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler = () => {};

/** Registers what happens on a 401 from any request that allows the redirect (set once by main.tsx). */
export function onUnauthorized(handler: UnauthorizedHandler): void {
  unauthorizedHandler = handler;
}

/** Calls the handler registered with `onUnauthorized`. The XHR upload path uses it too. */
export function notifyUnauthorized(): void {
  unauthorizedHandler();
}

export function apiUrl(path: string): string {
  return `${API_BASE_URL}${path}`;
}

const REFRESH_PATH = "/api/auth/refresh";

// Counts completed refreshes, so a request that was sent before the latest one can tell that its
// 401 `token_expired` came from cookies that are already replaced.
let refreshCount = 0;
let refreshInFlight: Promise<boolean> | null = null;

/** Returns the current refresh count. Take it before sending a request and pass it to `renewSession`. */
export function sessionVersion(): number {
  return refreshCount;
}

/**
 * Rotates the session cookies with `POST /api/auth/refresh` and resolves true on success. Parallel
 * callers share one request, because the API revokes the whole session when a rotated refresh
 * token is presented again more than 10 s later.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshInFlight) {
    refreshInFlight = requestRefresh().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

async function requestRefresh(): Promise<boolean> {
  try {
    const response = await fetch(apiUrl(REFRESH_PATH), {
      method: "POST",
      headers: { Accept: "application/json" },
      credentials: "include",
    });
    if (!response.ok) return false;
    refreshCount++;
    return true;
  } catch {
    return false;
  }
}

/**
 * Handles a 401 `token_expired` for a request sent at `sentAtVersion`. Resolves true when the
 * request should be sent once more: a refresh has completed since it was sent, or this call
 * refreshed successfully.
 */
export async function renewSession(sentAtVersion: number): Promise<boolean> {
  if (refreshCount !== sentAtVersion) return true;
  return refreshSession();
}

export function isTokenExpired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && error.code === "token_expired";
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(apiUrl(path), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", error instanceof Error ? error.message : "Network request failed");
  }
}

/**
 * Sends one request and returns the parsed JSON body, or `undefined` for 204 and empty bodies. On
 * a 401 `token_expired` it refreshes the session and sends the request once more. When the
 * refresh fails, the 401 is thrown as any other.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  const init: RequestInit = {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    credentials: "include",
    signal: options.signal,
  };

  const version = sessionVersion();
  let response = await send(path, init);
  let text = await response.text();
  let error = response.ok ? null : toApiError(response.status, text, response.headers);

  if (isTokenExpired(error) && (await renewSession(version))) {
    response = await send(path, init);
    text = await response.text();
    error = response.ok ? null : toApiError(response.status, text, response.headers);
  }

  if (error) {
    if (error.status === 401 && options.authRedirect !== false) notifyUnauthorized();
    throw error;
  }
  if (!text) return undefined as T;

  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(
      response.status,
      "invalid_response",
      "The server sent a response that is not JSON",
      response.headers.get("x-request-id"),
    );
  }
}

/** A page of a cursor-paginated list, as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Follows `nextCursor` until the list ends. `maxPages` bounds the loop so that a server bug that
 * repeats a cursor cannot spin forever.
 */
export async function fetchAllPages<T>(
  path: string,
  options: { limit?: number; maxPages?: number; signal?: AbortSignal } = {},
): Promise<T[]> {
  const limit = options.limit ?? 100;
  const maxPages = options.maxPages ?? 50;
  const items: T[] = [];
  let cursor: string | null = null;

  for (let page = 0; page < maxPages; page++) {
    const result: Page<T> = await api<Page<T>>(withQuery(path, { cursor, limit }), { signal: options.signal });
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  return items;
}
