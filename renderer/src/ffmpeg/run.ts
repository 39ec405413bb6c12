import { spawn } from "node:child_process";

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
 */
export function runTool(command: "ffmpeg" | "ffprobe", args: string[], signal?: AbortSignal): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }

    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";

    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
    });

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
