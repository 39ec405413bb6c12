import type { ServerResponse } from "node:http";

/** Error codes of the renderer protocol (docs/renderer-protocol.md) and their HTTP statuses. */
const STATUS = {
  invalid_spec: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media: 422,
  render_failed: 500,
  busy: 503,
} as const;

export type RenderErrorCode = keyof typeof STATUS;

/** The one error type the renderer throws on purpose; the server sends it as `{ error: { code, message } }`. */
export class RenderError extends Error {
  readonly status: number;

  constructor(
    readonly code: RenderErrorCode,
    message: string,
    /** Tail of ffmpeg's stderr, for the job log only; never sent to the caller. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "RenderError";
    this.status = STATUS[code];
  }
}

/**
 * The client closed the connection before the reply was complete. Nothing can be sent any more;
 * the job only cleans up.
 */
export class ClientClosedError extends Error {
  constructor() {
    super("client closed the connection");
    this.name = "ClientClosedError";
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Sends an error envelope. A request body that was not read to its end is dropped with the
 * connection, so the reply carries `Connection: close` and the client opens a new one.
 */
export function sendError(res: ServerResponse, error: RenderError, bodyConsumed: boolean) {
  const headers: Record<string, string> = {};
  if (!bodyConsumed) headers.connection = "close";
  if (error.code === "busy") headers["retry-after"] = "5";
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, headers);
}
