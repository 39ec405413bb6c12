import { join } from "node:path";
import { normalizeCommand } from "../ffmpeg/normalize";
import { inspectMedia } from "../ffmpeg/probe";
import { receiveClip } from "../http/receive";
import { readSpec } from "../http/spec";
import { type Job, runFfmpeg, sendBody } from "../job";
import { normalizeSpecSchema } from "../specs";

/**
 * `POST /v1/normalize`: re-encodes one clip to the profile in `X-Render-Spec` and replies with the
 * MP4.
 */
export async function normalizeRoute(job: Job) {
  job.log.mode = "normalize";
  const spec = readSpec(job.req, normalizeSpecSchema);
  const input = join(job.dir, "input");
  const output = join(job.dir, "normalized.mp4");
  await receiveClip(job, input);

  const media = await inspectMedia(input, job.signal);
  const command = normalizeCommand(input, output, media, spec);
  await runFfmpeg(job, command.args, "normalize", command.durationSeconds);

  // The filter graph ends the video at exactly `frameCount` frames, so its length is known
  // without probing the output.
  const seconds = Math.round(command.durationSeconds * 1000) / 1000;
  await sendBody(job, { "content-type": "video/mp4", "x-duration-seconds": String(seconds) }, [output]);
}
