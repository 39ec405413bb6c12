import { z } from "zod";
import type { Env } from "../core/env";
import { RendererError, rendererFetch } from "./transport";

/** The `POST /v1/probe` reply (docs/renderer-protocol.md). */
export const probeResultSchema = z.object({
  container: z.enum(["mp4", "mov", "webm", "mkv"]),
  durationSeconds: z.number().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  fps: z.number().nonnegative(),
  videoCodec: z.string().min(1),
  audioCodec: z.string().nullable(),
  hasAudio: z.boolean(),
});

export type ProbeResult = z.infer<typeof probeResultSchema>;

// Covers streaming a 100 MB clip to the renderer; ffprobe itself reads only the container headers.
const PROBE_TIMEOUT_MS = 120_000;

/**
 * Streams the stored object `key` to the renderer and returns what ffprobe found. Throws a
 * RendererError for a non-2xx reply (422 when the object is not a decodable video), and the
 * fetch error when the renderer cannot be reached.
 */
export async function probeStoredVideo(env: Env, key: string): Promise<ProbeResult> {
  const object = await env.BUCKET.get(key);
  if (!object) throw new Error(`cannot probe ${key}: the object does not exist`);

  const response = await rendererFetch(env, "/v1/probe", {
    method: "POST",
    headers: { "content-type": "application/octet-stream", "content-length": String(object.size) },
    body: object.body,
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });

  const parsed = probeResultSchema.safeParse(await response.json());
  if (!parsed.success) {
    throw new RendererError(
      502,
      "invalid_reply",
      `the probe reply does not match the protocol: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

/** True when the renderer looked at the input and found no playable video in it. */
export function isUnplayableVideo(error: unknown): boolean {
  return error instanceof RendererError && error.status === 422;
}
