import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import type { Logger } from "../../worker/src/core/logger";
import { type RendererOptions, type RunningRenderer, startRenderer } from "../src/server";
import { FIXTURES } from "./fixtures";

const run = promisify(execFile);

export const SECRET = "test-renderer-secret-0123456789abcdef012345";

export interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface TestRenderer extends RunningRenderer {
  logs: LogLine[];
  /** The parent of this renderer's job directories, so a test can check that they are gone. */
  tempRoot: string;
  /** Stops the renderer and deletes its temp root. */
  stop(): Promise<void>;
}

/** Starts a renderer on a free port with its own temp root and a logger that records lines. */
export async function startTestRenderer(options: Partial<RendererOptions> = {}): Promise<TestRenderer> {
  const tempRoot = await mkdtemp(join(tmpdir(), "lumiku-renderer-test-"));
  const logs: LogLine[] = [];
  const renderer = await startRenderer({
    port: 0,
    secret: SECRET,
    tempRoot,
    logger: recordingLogger(logs),
    ...options,
  });
  return {
    ...renderer,
    logs,
    tempRoot,
    async stop() {
      await renderer.close();
      await rm(tempRoot, { recursive: true, force: true });
    },
  };
}

function recordingLogger(logs: LogLine[]): Logger {
  const write =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      logs.push({ level, message, fields });
    };
  const logger: Logger = {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: () => logger,
  };
  return logger;
}

export function fixture(name: keyof typeof FIXTURES): string {
  return join(inject("fixturesDir"), FIXTURES[name]);
}

export function encodeSpec(spec: unknown): string {
  return Buffer.from(JSON.stringify(spec)).toString("base64url");
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** POSTs a body to the renderer with the test secret (unless `secret` is given) and reads the whole reply. */
export async function post(
  baseUrl: string,
  path: string,
  body: Buffer | Uint8Array,
  options: { spec?: unknown; secret?: string | null; signal?: AbortSignal } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  const secret = options.secret === undefined ? SECRET : options.secret;
  if (secret !== null) headers.authorization = `Bearer ${secret}`;
  if (options.spec !== undefined) headers["x-render-spec"] = encodeSpec(options.spec);

  const response = await fetch(new URL(path, baseUrl), {
    method: "POST",
    headers,
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

export async function postFile(baseUrl: string, path: string, file: string, spec?: unknown): Promise<Reply> {
  return post(baseUrl, path, await readFile(file), spec === undefined ? {} : { spec });
}

export function errorCode(reply: Reply): string | undefined {
  return (JSON.parse(reply.body.toString("utf8")) as { error?: { code?: string } }).error?.code;
}

/**
 * Sends a request through node:http so a test controls the framing: a Content-Length that
 * does not match, or a chunked body fed piece by piece. Resolves with the reply, or with
 * `null` when the server dropped the connection without one.
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  feed: (write: (chunk: Buffer) => boolean, end: () => void) => void,
): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = request(new URL(path, baseUrl), { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", () => resolve(null));
    });
    req.on("error", () => resolve(null));
    feed(
      (chunk) => (req.destroyed ? false : req.write(chunk)),
      () => req.end(),
    );
  });
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  nb_frames?: string;
  side_data_list?: Array<{ rotation?: number }>;
}

export interface Probed {
  streams: ProbedStream[];
  format: { duration: string; tags?: Record<string, string> };
  video: ProbedStream;
  audio: ProbedStream | undefined;
}

/** Writes `bytes` to a temp file and reads it back with ffprobe, independently of the renderer's own probe code. */
export async function ffprobe(bytes: Buffer, extension = "mp4"): Promise<Probed> {
  const dir = await mkdtemp(join(tmpdir(), "lumiku-renderer-probe-"));
  const file = join(dir, `file.${extension}`);
  try {
    await writeFile(file, bytes);
    const { stdout } = await run("ffprobe", [
      "-v",
      "error",
      "-print_format",
      "json",
      "-show_format",
      "-show_streams",
      file,
    ]);
    const parsed = JSON.parse(stdout) as Omit<Probed, "video" | "audio">;
    const video = parsed.streams.find((stream) => stream.codec_type === "video");
    if (!video) throw new Error("ffprobe found no video stream");
    return { ...parsed, video, audio: parsed.streams.find((stream) => stream.codec_type === "audio") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Decodes one frame at `atSeconds` to raw 8-bit gray pixels, for checks such as "the top half is
 * white".
 */
export async function grayFrame(video: Buffer, atSeconds: number, width: number, height: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "lumiku-renderer-frame-"));
  const file = join(dir, "video.mp4");
  try {
    await writeFile(file, video);
    const { stdout } = await run(
      "ffmpeg",
      [
        "-v",
        "error",
        "-ss",
        String(atSeconds),
        "-i",
        file,
        "-frames:v",
        "1",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "gray",
        "-",
      ],
      { encoding: "buffer", maxBuffer: width * height * 2 },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
