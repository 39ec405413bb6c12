import type { Env } from "../core/env";
import type { Logger } from "../core/logger";
import { watchJobProgress } from "./job-progress";
import { MissingObjectError, RendererProtocolError, requiredLength } from "./normalize";
import { encodeSpec, rendererFetch } from "./transport";

/** One normalized clip in an assemble request, read from R2 at `key`. */
export interface AssembleSegment {
  key: string;
  trimStart: number;
  trimDuration: number | null;
  speed: number;
}

export interface AssembleOutput {
  width: number;
  height: number;
  fps: number;
  videoBitrateKbps: number;
  audio: "keep" | "mute";
  durationSeconds: number | null;
  metadata: { encoder: string; comment: string };
}

export interface AssembleTargets {
  videoKey: string;
  thumbnailKey: string;
}

export interface AssembleResult {
  durationSeconds: number | null;
  sizeBytes: number;
  thumbnailBytes: number;
  renderMode: string | null;
}

/** Follows a render while the renderer works on it (`X-Job-Id` and `GET /v1/jobs/:jobId`). */
export interface AssembleProgress {
  /** Unique per attempt; it also pins the container instance so that the polls reach the job. */
  jobId: string;
  /** Gets the renderer's progress from 0 to 1 until its reply headers arrive. */
  onProgress: (fraction: number) => Promise<void>;
  log: Logger;
}

const THUMBNAIL = { atSeconds: 1, width: 360 };

/**
 * Renders one output: streams the normalized segments from R2 back to back as the request body,
 * then stores the JPEG that starts the reply at `thumbnailKey` and the MP4 after it at
 * `videoKey`. Only the thumbnail is buffered. `onHeaders` runs once the renderer has replied,
 * before the bodies are stored. With `progress`, the render's progress is polled until then.
 */
export async function assembleToR2(
  env: Env,
  segments: AssembleSegment[],
  output: AssembleOutput,
  targets: AssembleTargets,
  onHeaders: () => Promise<void> = async () => {},
  progress?: AssembleProgress,
): Promise<AssembleResult> {
  const sizes = await Promise.all(
    segments.map(async (segment) => {
      const head = await env.BUCKET.head(segment.key);
      if (!head) throw new MissingObjectError(segment.key);
      return head.size;
    }),
  );
  const spec = {
    segments: segments.map((segment, i) => ({
      bytes: sizes[i] as number,
      trimStart: segment.trimStart,
      trimDuration: segment.trimDuration,
      speed: segment.speed,
    })),
    output,
    thumbnail: THUMBNAIL,
  };

  const response = await sendSegments(env, spec, segments, sizes, progress);
  const contentLength = requiredLength(response, "content-length");
  const thumbnailBytes = requiredLength(response, "x-thumbnail-bytes");
  if (thumbnailBytes === 0 || thumbnailBytes >= contentLength || !response.body) {
    await response.body?.cancel();
    throw new RendererProtocolError(
      `renderer assemble reply is inconsistent: X-Thumbnail-Bytes ${thumbnailBytes}, Content-Length ${contentLength}`,
    );
  }
  await onHeaders();

  const body = response.body;
  const thumbnail = await readPrefix(body, thumbnailBytes);
  await env.BUCKET.put(targets.thumbnailKey, thumbnail, { httpMetadata: { contentType: "image/jpeg" } });

  const sizeBytes = contentLength - thumbnailBytes;
  const duration = Number(response.headers.get("x-duration-seconds"));
  const durationSeconds = Number.isFinite(duration) && duration > 0 ? duration : null;
  // The duration travels with the object so that a later repair can rebuild the output row from R2 alone.
  await env.BUCKET.put(targets.videoKey, body.pipeThrough(new FixedLengthStream(sizeBytes)), {
    httpMetadata: { contentType: "video/mp4" },
    customMetadata: durationSeconds === null ? {} : { durationSeconds: String(durationSeconds) },
  });

  return { durationSeconds, sizeBytes, thumbnailBytes, renderMode: response.headers.get("x-render-mode") };
}

/**
 * Posts the spec and pipes each segment's R2 body into one fixed-length request body. The pump
 * runs beside the fetch because the renderer reads the body while the Worker writes it.
 */
async function sendSegments(
  env: Env,
  spec: unknown,
  segments: AssembleSegment[],
  sizes: number[],
  progress: AssembleProgress | undefined,
) {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const { readable, writable } = new FixedLengthStream(total);
  const stop = new AbortController();
  let pumpError: unknown = null;

  const pumping = (async () => {
    for (const [i, segment] of segments.entries()) {
      const object = await env.BUCKET.get(segment.key);
      if (!object) throw new MissingObjectError(segment.key);
      if (object.size !== sizes[i]) {
        await object.body.cancel();
        throw new Error(`R2 object ${segment.key} changed size while the request was sent`);
      }
      await object.body.pipeTo(writable, { preventClose: true, signal: stop.signal });
    }
    await writable.close();
  })().catch(async (error: unknown) => {
    if (!stop.signal.aborted) pumpError = error;
    await writable.abort(error).catch(() => {});
  });

  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "x-render-spec": encodeSpec(spec),
  };
  if (progress) headers["x-job-id"] = progress.jobId;
  const stopWatching = progress
    ? watchJobProgress(env, progress.jobId, progress.onProgress, progress.log)
    : async () => {};

  try {
    const response = await rendererFetch(
      env,
      "/v1/assemble",
      { method: "POST", headers, body: readable },
      progress ? { instanceKey: progress.jobId } : {},
    ).finally(stopWatching);
    await pumping;
    if (pumpError) {
      await response.body?.cancel();
      throw pumpError;
    }
    return response;
  } catch (error) {
    // The renderer may reply (e.g. 400) before it has read the body; stop writing into it.
    stop.abort();
    await pumping;
    // A failed R2 read breaks the request body, so it is the cause to report.
    throw pumpError ?? error;
  }
}

/** Reads exactly `length` bytes with a BYOB reader and leaves the rest of `body` unread. */
async function readPrefix(body: ReadableStream<Uint8Array>, length: number): Promise<Uint8Array> {
  const reader = body.getReader({ mode: "byob" });
  let buffer = new ArrayBuffer(length);
  let offset = 0;
  try {
    while (offset < length) {
      const { value, done } = await reader.read(new Uint8Array(buffer, offset, length - offset));
      if (done || !value)
        throw new RendererProtocolError(`renderer reply ended after ${offset} of ${length} thumbnail bytes`);
      buffer = value.buffer as ArrayBuffer;
      offset += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  return new Uint8Array(buffer);
}
