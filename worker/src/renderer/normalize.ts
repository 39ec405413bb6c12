import type { Env } from "../core/env";
import { encodeSpec, rendererFetch } from "./transport";

/** Output profile of `POST /v1/normalize`; every clip normalized to one profile can be joined by stream copy. */
export interface NormalizeProfile {
  width: number;
  height: number;
  fps: number;
  videoBitrateKbps: number;
}

/** An R2 object that a render step needs is gone; retrying cannot bring it back. */
export class MissingObjectError extends Error {
  constructor(readonly key: string) {
    super(`R2 object ${key} does not exist`);
    this.name = "MissingObjectError";
  }
}

/** The renderer replied 2xx but broke the protocol, e.g. with a missing or inconsistent length header. */
export class RendererProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RendererProtocolError";
  }
}

/** Reads a non-negative integer header that the protocol requires. */
export function requiredLength(response: Response, header: string): number {
  const value = Number(response.headers.get(header));
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RendererProtocolError(
      `renderer reply has no valid ${header} header (got ${response.headers.get(header)})`,
    );
  }
  return value;
}

/**
 * Streams the R2 object at `sourceKey` through the renderer's normalize endpoint and stores the
 * result at `targetKey`. Both bodies pass through with their lengths known and are never held in
 * memory. A truncated reply fails the R2 put, so no partial object is stored.
 */
export async function normalizeObject(
  env: Env,
  sourceKey: string,
  targetKey: string,
  profile: NormalizeProfile,
): Promise<{ sizeBytes: number; durationSeconds: number | null }> {
  const source = await env.BUCKET.get(sourceKey);
  if (!source) throw new MissingObjectError(sourceKey);

  // A FixedLengthStream makes the request carry Content-Length instead of chunked encoding.
  const response = await rendererFetch(env, "/v1/normalize", {
    method: "POST",
    headers: { "content-type": "application/octet-stream", "x-render-spec": encodeSpec(profile) },
    body: source.body.pipeThrough(new FixedLengthStream(source.size)),
  });

  const sizeBytes = requiredLength(response, "content-length");
  if (!response.body) throw new RendererProtocolError("renderer normalize reply has no body");
  const duration = Number(response.headers.get("x-duration-seconds"));
  const durationSeconds = Number.isFinite(duration) && duration > 0 ? duration : null;

  await env.BUCKET.put(targetKey, response.body.pipeThrough(new FixedLengthStream(sizeBytes)), {
    httpMetadata: { contentType: "video/mp4" },
    customMetadata: durationSeconds === null ? {} : { durationSeconds: String(durationSeconds) },
  });
  return { sizeBytes, durationSeconds };
}
