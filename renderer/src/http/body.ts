import { type FileHandle, open } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { ClientClosedError, RenderError } from "../errors";

/** One file that receives the next `bytes` bytes of the request body. */
export interface BodyPart {
  path: string;
  bytes: number;
}

/**
 * Reads the Content-Length header. Node's HTTP parser has already rejected malformed values, so
 * the header is either absent (chunked body) or a non-negative integer.
 */
export function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers["content-length"];
  return header === undefined ? null : Number(header);
}

/**
 * Streams the request body into `parts`, in order, each receiving exactly its `bytes`.
 * Throws `overflow()` as soon as the body is longer than all parts together, so an oversized
 * upload is never written out in full. Returns the number of bytes received, which may be less
 * than the parts hold; callers that need an exact length compare it themselves. When `signal`
 * aborts, the upload is cut off and the signal's reason is thrown.
 */
export async function receiveBody(
  req: IncomingMessage,
  parts: BodyPart[],
  overflow: () => RenderError,
  signal: AbortSignal,
): Promise<number> {
  const stop = () => req.destroy();
  signal.addEventListener("abort", stop, { once: true });
  let index = 0;
  let writtenToPart = 0;
  let total = 0;
  let file: FileHandle | null = null;

  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const part = parts[index];
        if (!part) throw overflow();

        file ??= await open(part.path, "w");
        const length = Math.min(part.bytes - writtenToPart, chunk.length - offset);
        await file.write(chunk, offset, length);
        offset += length;
        writtenToPart += length;
        total += length;

        if (writtenToPart === part.bytes) {
          await file.close();
          file = null;
          index += 1;
          writtenToPart = 0;
        }
      }
    }
  } catch (error) {
    if (error instanceof RenderError) throw error;
    if (signal.aborted) throw signal.reason;
    // The socket broke mid-upload (ECONNRESET, "aborted"): the client has gone away.
    if (req.destroyed || req.readableAborted) throw new ClientClosedError();
    throw error;
  } finally {
    signal.removeEventListener("abort", stop);
    await file?.close();
  }

  return total;
}
