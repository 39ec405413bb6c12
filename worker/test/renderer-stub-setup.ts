import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

/**
 * A stand-in for the renderer that speaks its HTTP protocol without ffmpeg, so that the queue
 * consumer tests need no ffmpeg and can force each failure. Clip bytes steer it: a request body
 * containing `normalize-422`, `normalize-500`, `assemble-422` or `assemble-500` gets that
 * status, and `assemble-500-once:<token>` fails only the first request carrying that token.
 * `normalize-busy-once:<token>` and `assemble-busy-once:<token>` reply to the first such request
 * with 503 `busy` and `Retry-After: 1`, as a renderer running its maximum number of jobs does.
 * A body containing `slow:<token>` is answered after 150 ms, and `GET /stats/<token>` returns
 * how many of those requests were in flight at most at once, so tests can check a concurrency
 * cap. An assembly carrying `X-Job-Id` and a body containing `progress:<token>` reports progress
 * 0.5 on `GET /v1/jobs/:jobId` and answers after 2 s, so the consumer polls it at least once;
 * `GET /job-stats/<token>` returns the job ids it saw and how many polls reached them.
 * Normalize returns the clip behind a `NORMALIZED` prefix. Assemble returns a small JPEG and an
 * MP4-shaped body, an ftyp box followed by the decoded spec as JSON, so tests can inspect what was sent.
 * It listens on a free port that tests read with `inject("rendererStubUrl")`.
 */

const STUB_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

// Must equal RENDERER_SECRET in vitest.config.ts.
const TEST_RENDERER_SECRET = "test-renderer-secret-0123456789abcdef012345";

const failedOnce = new Set<string>();
const busyOnce = new Set<string>();
const SLOW_REPLY_MS = 150;
const slowJobs = new Map<string, { running: number; maxConcurrent: number; requests: number }>();
// Longer than the consumer's 1.5 s poll interval.
const PROGRESS_REPLY_MS = 2000;
const progressJobs = new Map<string, { token: string; progress: number }>();
const progressStats = new Map<string, { jobIds: string[]; polls: number }>();

declare module "vitest" {
  export interface ProvidedContext {
    rendererStubUrl: string;
  }
}

function sendError(response: ServerResponse, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } });
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decodeSpec(request: IncomingMessage): any {
  const header = request.headers["x-render-spec"];
  if (typeof header !== "string") return null;
  try {
    return JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

/** Returns the failure status that markers in `body` request, or null. */
function forcedFailure(body: Buffer, step: "normalize" | "assemble"): 422 | 500 | null {
  const text = body.toString("latin1");
  const once = new RegExp(`${step}-500-once:([\\w-]+)`).exec(text);
  if (once?.[1] && !failedOnce.has(once[1])) {
    failedOnce.add(once[1]);
    return 500;
  }
  if (text.includes(`${step}-422`)) return 422;
  if (text.includes(`${step}-500`) && !once) return 500;
  return null;
}

/** Returns true for the first request of a `<step>-busy-once:<token>` marker. */
function busyOnceFor(body: Buffer, step: "normalize" | "assemble"): boolean {
  const token = new RegExp(`${step}-busy-once:([\\w-]+)`).exec(body.toString("latin1"))?.[1];
  if (!token || busyOnce.has(token)) return false;
  busyOnce.add(token);
  return true;
}

function sendBusy(response: ServerResponse) {
  const body = JSON.stringify({
    error: { code: "busy", message: "the renderer is running its maximum number of jobs" },
  });
  response.writeHead(503, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "retry-after": "1",
  });
  response.end(body);
}

/** Counts a `slow:<token>` request as in flight until its reply is sent, after a pause. */
async function slowDown(body: Buffer): Promise<() => void> {
  const token = /slow:([\w-]+)/.exec(body.toString("latin1"))?.[1];
  if (!token) return () => undefined;
  const stats = slowJobs.get(token) ?? { running: 0, maxConcurrent: 0, requests: 0 };
  slowJobs.set(token, stats);
  stats.running += 1;
  stats.requests += 1;
  stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.running);
  await new Promise((resolve) => setTimeout(resolve, SLOW_REPLY_MS));
  return () => {
    stats.running -= 1;
  };
}

/** Registers a `progress:<token>` assembly under its X-Job-Id and delays its reply. */
async function reportProgress(request: IncomingMessage, body: Buffer) {
  const token = /progress:([\w-]+)/.exec(body.toString("latin1"))?.[1];
  const jobId = request.headers["x-job-id"];
  if (!token || typeof jobId !== "string") return;
  const stats = progressStats.get(token) ?? { jobIds: [], polls: 0 };
  progressStats.set(token, stats);
  stats.jobIds.push(jobId);
  progressJobs.set(jobId, { token, progress: 0.5 });
  await new Promise((resolve) => setTimeout(resolve, PROGRESS_REPLY_MS));
  progressJobs.set(jobId, { token, progress: 1 });
}

function ftypBox(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypisom", 4, "latin1");
  box.writeUInt32BE(512, 12);
  box.write("isomiso2", 16, "latin1");
  return box;
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  if (request.method === "GET" && request.url === "/health") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: "ok", ffmpeg: "stub" }));
    return;
  }
  const statsToken = request.method === "GET" ? /^\/stats\/([\w-]+)$/.exec(request.url ?? "")?.[1] : undefined;
  if (statsToken) {
    const { maxConcurrent = 0, requests = 0 } = slowJobs.get(statsToken) ?? {};
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ maxConcurrent, requests }));
    return;
  }
  const progressToken = request.method === "GET" ? /^\/job-stats\/([\w-]+)$/.exec(request.url ?? "")?.[1] : undefined;
  if (progressToken) {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(progressStats.get(progressToken) ?? { jobIds: [], polls: 0 }));
    return;
  }
  if (request.headers.authorization !== `Bearer ${TEST_RENDERER_SECRET}`) {
    return sendError(response, 401, "unauthorized", "missing or wrong bearer token");
  }

  const jobId = request.method === "GET" ? /^\/v1\/jobs\/([^/]+)$/.exec(request.url ?? "")?.[1] : undefined;
  if (jobId) {
    const job = progressJobs.get(jobId);
    if (!job) return sendError(response, 404, "not_found", "no such job");
    const stats = progressStats.get(job.token);
    if (stats) stats.polls += 1;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ progress: job.progress }));
    return;
  }

  const spec = decodeSpec(request);
  if (request.method === "POST" && request.url === "/v1/normalize") {
    if (!spec || typeof spec.width !== "number" || typeof spec.videoBitrateKbps !== "number") {
      return sendError(response, 400, "invalid_spec", "normalize spec is missing or invalid");
    }
    const body = await readBody(request);
    if (busyOnceFor(body, "normalize")) return sendBusy(response);
    const done = await slowDown(body);
    response.on("close", done);
    const failure = forcedFailure(body, "normalize");
    if (failure === 422) return sendError(response, 422, "unsupported_media", "stub cannot decode this clip");
    if (failure === 500) return sendError(response, 500, "render_failed", "stub normalize failed");

    const output = Buffer.concat([Buffer.from("NORMALIZED"), body]);
    response.writeHead(200, {
      "content-type": "video/mp4",
      "content-length": output.length,
      "x-duration-seconds": "2",
    });
    response.end(output);
    return;
  }

  if (request.method === "POST" && request.url === "/v1/assemble") {
    if (!spec || !Array.isArray(spec.segments) || !spec.output || !spec.thumbnail) {
      return sendError(response, 400, "invalid_spec", "assemble spec is missing or invalid");
    }
    const body = await readBody(request);
    const expected = spec.segments.reduce((sum: number, segment: { bytes: number }) => sum + segment.bytes, 0);
    if (body.length !== expected) {
      return sendError(response, 400, "invalid_spec", `body has ${body.length} bytes, segments declare ${expected}`);
    }
    if (busyOnceFor(body, "assemble")) return sendBusy(response);
    await reportProgress(request, body);
    const done = await slowDown(body);
    response.on("close", done);
    const failure = forcedFailure(body, "assemble");
    if (failure === 422) return sendError(response, 422, "unsupported_media", "stub cannot decode a segment");
    if (failure === 500) return sendError(response, 500, "render_failed", "stub assemble failed");

    const video = Buffer.concat([ftypBox(), Buffer.from(JSON.stringify({ spec, bodyBytes: body.length }))]);
    response.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": STUB_JPEG.length + video.length,
      "x-thumbnail-bytes": STUB_JPEG.length,
      "x-duration-seconds": String(spec.output.durationSeconds ?? 2 * spec.segments.length),
      "x-render-mode": "copy",
    });
    response.end(Buffer.concat([STUB_JPEG, video]));
    return;
  }

  sendError(response, 404, "not_found", `no route ${request.method} ${request.url}`);
}

export default async function setup(project: TestProject) {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendError(response, 500, "stub_error", String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("rendererStubUrl", `http://127.0.0.1:${port}`);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
