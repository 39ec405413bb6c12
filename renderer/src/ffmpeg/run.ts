import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable } from "node:stream";

// Enough of stderr to show ffmpeg's last error lines in a log without keeping a whole encode log.
const STDERR_TAIL_CHARS = 4000;

export interface ToolResult {
  exitCode: number;
  stdout: string;
  /** The last few thousand characters of stderr. */
  stderr: string;
}

/**
 * Runs ffmpeg or ffprobe without a shell and collects its output. When `signal` aborts (client
 * gone or job timed out) the process gets SIGKILL and the promise rejects with the signal's
 * reason. A non-zero exit resolves normally: the caller decides what it means.
 *
 * With `onProgress` (ffmpeg only), ffmpeg writes `-progress` reports to a third pipe and the
 * callback gets the output time reached so far, in seconds, about twice a second.
 */
export function runTool(
  command: "ffmpeg" | "ffprobe",
  args: string[],
  signal?: AbortSignal,
  onProgress?: (outTimeSeconds: number) => void,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }

    const fullArgs = onProgress ? ["-progress", "pipe:3", ...args] : args;
    const child = spawn(command, fullArgs, {
      stdio: ["ignore", "pipe", "pipe", onProgress ? "pipe" : "ignore"],
    }) as ChildProcessByStdio<null, Readable, Readable>;
    const stdout: Buffer[] = [];
    let stderr = "";

    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
    });

    const progressPipe = child.stdio[3] as Readable | null;
    if (onProgress && progressPipe) readProgress(progressPipe, onProgress);

    const onAbort = () => child.kill("SIGKILL");
    signal?.addEventListener("abort", onAbort, { once: true });

    child.once("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    child.once("close", (code) => {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      resolve({ exitCode: code ?? -1, stdout: Buffer.concat(stdout).toString("utf8"), stderr });
    });
  });
}

/** Reads ffmpeg's `key=value` progress lines and reports each `out_time_us` as seconds. */
function readProgress(pipe: Readable, onProgress: (outTimeSeconds: number) => void) {
  let pending = "";
  pipe.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      // Before the first frame ffmpeg writes "N/A" or a negative time; neither is progress.
      const match = /^out_time_us=(\d+)\s*$/.exec(line);
      if (match?.[1]) onProgress(Number(match[1]) / 1_000_000);
    }
  });
  // The pipe closes with the process; a read error only loses progress, never the job.
  pipe.on("error", () => {});
}
