import { once } from "node:events";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { finished } from "node:stream/promises";
import { ClientClosedError, RenderError } from "./errors";
import { runTool } from "./ffmpeg/run";

/** Fields of the job's one log line that the route fills in as it goes. */
export interface JobLog {
  mode?: "probe" | "normalize" | "copy" | "reencode";
  ffmpegExitCode?: number;
  bytesIn?: number;
  bytesOut?: number;
}

/** One `/v1/*` request while it runs, with its own temp directory. */
export interface Job {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Per-request directory, deleted with everything in it when the job ends. */
  readonly dir: string;
  /** Aborts when the client disconnects or the job times out; ffmpeg is killed then. */
  readonly signal: AbortSignal;
  readonly log: JobLog;
  /** Whether the request body was read to its end, so that the connection can be reused. */
  bodyConsumed: boolean;
  /** Records the job's progress from 0 to 1 for `GET /v1/jobs/:jobId`; does nothing without an `X-Job-Id`. */
  readonly reportProgress: (fraction: number) => void;
}

// ffmpeg's own words for input it cannot demux or decode; anything else is our failure.
const UNDECODABLE = /Invalid data found when processing input|could not find codec parameters|moov atom not found/i;

/**
 * Runs ffmpeg for the job, records its exit code and turns a failure into a RenderError. With
 * `expectedSeconds` (the output length the command should produce), ffmpeg's position in the
 * output is reported as the job's progress.
 */
export async function runFfmpeg(job: Job, args: string[], step: string, expectedSeconds?: number): Promise<void> {
  const onProgress =
    expectedSeconds !== undefined && expectedSeconds > 0
      ? (outTimeSeconds: number) => job.reportProgress(outTimeSeconds / expectedSeconds)
      : undefined;
  const result = await runTool("ffmpeg", args, job.signal, onProgress);
  job.log.ffmpegExitCode = result.exitCode;
  if (result.exitCode === 0) return;

  if (UNDECODABLE.test(result.stderr)) {
    throw new RenderError("unsupported_media", `${step} failed: ffmpeg could not decode the input`, result.stderr);
  }
  throw new RenderError("render_failed", `${step} failed: ffmpeg exited with code ${result.exitCode}`, result.stderr);
}

/**
 * Sends a 200 whose body is the given buffers and files back to back, with Content-Length set
 * from their sizes.
 */
export async function sendBody(job: Job, headers: Record<string, string>, parts: Array<Buffer | string>) {
  const sizes = await Promise.all(
    parts.map(async (part) => (typeof part === "string" ? (await stat(part)).size : part.length)),
  );
  const length = sizes.reduce((sum, size) => sum + size, 0);
  job.log.bytesOut = length;

  job.res.writeHead(200, { ...headers, "content-length": String(length) });
  try {
    for (const part of parts) {
      const chunks = typeof part === "string" ? createReadStream(part) : [part];
      for await (const chunk of chunks) {
        if (!job.res.write(chunk)) await once(job.res, "drain", { signal: job.signal });
      }
    }
    job.res.end();
    await finished(job.res);
  } catch (error) {
    if (job.signal.aborted || job.res.destroyed) throw new ClientClosedError();
    throw error;
  }
}
