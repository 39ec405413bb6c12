import { join } from "node:path";
import { sendJson } from "../errors";
import { inspectMedia, toProbeResult } from "../ffmpeg/probe";
import { receiveClip } from "../http/receive";
import type { Job } from "../job";

/** `POST /v1/probe`: the body is one clip; the reply describes its container and streams. */
export async function probeRoute(job: Job) {
  job.log.mode = "probe";
  const input = join(job.dir, "input");
  await receiveClip(job, input);

  const media = await inspectMedia(input, job.signal);
  sendJson(job.res, 200, toProbeResult(media));
}
