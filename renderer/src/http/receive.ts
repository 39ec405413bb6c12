import { RenderError } from "../errors";
import type { Job } from "../job";
import { CLIP_BODY_LIMIT, MAX_ASSEMBLE_BYTES } from "../limits";
import { type BodyPart, declaredLength, receiveBody } from "./body";

/** Streams a probe or normalize body (one clip) to `path`; 413 when it is over the clip limit. */
export async function receiveClip(job: Job, path: string): Promise<number> {
  const declared = declaredLength(job.req);
  if (declared !== null && declared > CLIP_BODY_LIMIT) {
    throw new RenderError("payload_too_large", `the clip is ${declared} bytes; the limit is ${CLIP_BODY_LIMIT} bytes`);
  }

  const received = await receiveBody(
    job.req,
    [{ path, bytes: CLIP_BODY_LIMIT }],
    () => new RenderError("payload_too_large", `the clip is longer than the limit of ${CLIP_BODY_LIMIT} bytes`),
    job.signal,
  );
  job.bodyConsumed = true;
  job.log.bytesIn = received;
  if (received === 0) throw new RenderError("invalid_spec", "the request body is empty; send the clip as the body");
  return received;
}

/**
 * Streams an assemble body into one file per segment. The body must be exactly as long as the
 * segments' `bytes` added up: anything else means the caller framed it wrong (400).
 */
export async function receiveSegments(job: Job, parts: BodyPart[]): Promise<void> {
  const expected = parts.reduce((sum, part) => sum + part.bytes, 0);
  if (expected > MAX_ASSEMBLE_BYTES) {
    throw new RenderError(
      "payload_too_large",
      `the segments add up to ${expected} bytes; the limit is ${MAX_ASSEMBLE_BYTES}`,
    );
  }
  const declared = declaredLength(job.req);
  if (declared !== null && declared !== expected) {
    throw new RenderError(
      "invalid_spec",
      `Content-Length is ${declared} bytes but the segments' bytes add up to ${expected}`,
    );
  }

  const received = await receiveBody(
    job.req,
    parts,
    () => new RenderError("invalid_spec", `the body is longer than the ${expected} bytes the segments declare`),
    job.signal,
  );
  job.bodyConsumed = true;
  job.log.bytesIn = received;
  if (received !== expected) {
    throw new RenderError(
      "invalid_spec",
      `the body is ${received} bytes but the segments' bytes add up to ${expected}`,
    );
  }
}
