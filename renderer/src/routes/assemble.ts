import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { RenderError } from "../errors";
import { assembleCommand, type SegmentFile } from "../ffmpeg/assemble";
import { inspectMedia } from "../ffmpeg/probe";
import { clampThumbnailTime, thumbnailArgs } from "../ffmpeg/thumbnail";
import { receiveSegments } from "../http/receive";
import { readSpec } from "../http/spec";
import { type Job, runFfmpeg, sendBody } from "../job";
import { assembleSpecSchema } from "../specs";
import { inspectOutput } from "./output";

const PARALLEL_PROBES = 4;

/**
 * `POST /v1/assemble`: joins the normalized segments in the body into one MP4 and replies with a
 * JPEG thumbnail of the result followed by the MP4.
 */
export async function assembleRoute(job: Job) {
  const spec = readSpec(job.req, assembleSpecSchema);
  const parts = spec.segments.map((segment, i) => {
    const name = `segment-${String(i).padStart(3, "0")}.mp4`;
    return { name, path: join(job.dir, name), bytes: segment.bytes };
  });
  await receiveSegments(job, parts);

  // ffprobe spends most of its ~70 ms starting up, so a few run side by side.
  const segments: SegmentFile[] = [];
  for (let first = 0; first < parts.length; first += PARALLEL_PROBES) {
    const batch = parts.slice(first, first + PARALLEL_PROBES);
    const probed = await Promise.all(
      batch.map(async (part, offset) => ({
        name: part.name,
        path: part.path,
        media: await inspectSegment(part.path, first + offset, job.signal),
      })),
    );
    segments.push(...probed);
  }

  const output = join(job.dir, "output.mp4");
  const concatList = join(job.dir, "concat.txt");
  const command = assembleCommand(spec, segments, { output, concatList });
  job.log.mode = command.mode;
  if (command.concatList !== null) await writeFile(concatList, command.concatList);
  await runFfmpeg(job, command.args, `assemble (${command.mode})`, command.expectedSeconds);

  const result = await inspectOutput(output, job.signal);
  const thumbnail = join(job.dir, "thumbnail.jpg");
  const at = clampThumbnailTime(spec.thumbnail.atSeconds, result.videoDurationSeconds, spec.output.fps);
  await runFfmpeg(job, thumbnailArgs(output, thumbnail, at, spec.thumbnail.width), "thumbnail");
  const jpeg = await readFile(thumbnail).catch(() => Buffer.alloc(0));
  if (jpeg.length === 0) throw new RenderError("render_failed", `thumbnail failed: no frame at ${at} s`);

  await sendBody(
    job,
    {
      "content-type": "application/octet-stream",
      "x-thumbnail-bytes": String(jpeg.length),
      "x-duration-seconds": String(result.videoDurationSeconds),
      "x-render-mode": command.mode,
    },
    [jpeg, output],
  );
}

async function inspectSegment(path: string, index: number, signal: AbortSignal) {
  try {
    return await inspectMedia(path, signal);
  } catch (error) {
    if (error instanceof RenderError) {
      throw new RenderError(error.code, `segments.${index}: ${error.message}`, error.detail);
    }
    throw error;
  }
}
