import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

/** The largest JSON or form body any API route accepts. */
export const MAX_SMALL_BODY_BYTES = 64 * 1024;

// Media bodies (clip uploads, renderer outputs) are streamed to R2 by routes that enforce their
// own, larger limit while they read. Every other body, including one with no content type, gets
// the small limit here.
const STREAMED_MEDIA_TYPE = /^(multipart\/form-data|application\/octet-stream|video\/|audio\/|image\/)/i;

function tooLarge(): never {
  throw new AppError("payload_too_large", `The request body must be at most ${MAX_SMALL_BODY_BYTES / 1024} KB`);
}

/**
 * Caps request bodies at `maxSize` bytes, whatever `Content-Length` declares. Hono's `bodyLimit`
 * trusts a numeric `Content-Length` and skips the check for one it cannot parse, so a declared
 * length is only used to reject early: the bytes that actually arrive are always counted.
 */
export function smallBodyLimit(maxSize = MAX_SMALL_BODY_BYTES) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const source = c.req.raw.body;
    if (!source || STREAMED_MEDIA_TYPE.test(c.req.header("content-type") ?? "")) return next();

    const declared = c.req.header("content-length");
    if (declared && /^\d+$/.test(declared) && Number(declared) > maxSize) tooLarge();

    // Without the header, `bodyLimit` reads the stream and stops at the first byte past the limit.
    // The stream is passed through one we hold, so the rest of the upload can be cancelled then.
    const reader = source.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const headers = new Headers(c.req.raw.headers);
    headers.delete("content-length");
    c.req.raw = new Request(c.req.raw, { headers, body });

    const countBytes = bodyLimit({
      maxSize,
      onError: async () => {
        await reader.cancel("request body too large").catch(() => {});
        tooLarge();
      },
    });
    return countBytes(c, next);
  });
}
