import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, type Logger } from "../../worker/src/core/logger";
import { ClientClosedError, RenderError, sendError } from "./errors";
import { runTool } from "./ffmpeg/run";
import { bearerAuth } from "./http/auth";
import type { Job, JobLog } from "./job";
import { DEFAULT_MAX_CONCURRENT_JOBS, JOB_TIMEOUT_MS } from "./limits";
import { JOB_ID_PATTERN, JobProgressRegistry } from "./progress";
import { assembleRoute } from "./routes/assemble";
import { healthRoute } from "./routes/health";
import { jobProgressRoute } from "./routes/jobs";
import { normalizeRoute } from "./routes/normalize";
import { probeRoute } from "./routes/probe";

export interface RendererOptions {
  port: number;
  host?: string;
  /** Shared secret every `/v1/*` request must send as `Authorization: Bearer <secret>`. */
  secret: string;
  /** Maximum number of jobs running at once (default 2). A request beyond it gets 503 `busy`. */
  maxConcurrentJobs?: number;
  jobTimeoutMs?: number;
  /** Parent of the per-job temp directories. Defaults to the OS temp directory. */
  tempRoot?: string;
  logger?: Logger;
}

export interface RunningRenderer {
  url: string;
  close(): Promise<void>;
}

const JOB_ROUTES: Record<string, (job: Job) => Promise<void>> = {
  "/v1/probe": probeRoute,
  "/v1/normalize": normalizeRoute,
  "/v1/assemble": assembleRoute,
};

// Routes whose ffmpeg run reports progress for an `X-Job-Id`; probe is over too fast to poll.
const PROGRESS_ROUTES = new Set(["/v1/normalize", "/v1/assemble"]);

const JOB_PROGRESS_PATH = /^\/v1\/jobs\/([^/]*)$/;

/** Starts the renderer's HTTP server; resolves once it listens. */
export async function startRenderer(options: RendererOptions): Promise<RunningRenderer> {
  if (!options.secret) throw new Error("the renderer needs a secret (RENDERER_SECRET)");
  const host = options.host ?? "127.0.0.1";
  const maxJobs = options.maxConcurrentJobs ?? DEFAULT_MAX_CONCURRENT_JOBS;
  const timeoutMs = options.jobTimeoutMs ?? JOB_TIMEOUT_MS;
  const tempRoot = options.tempRoot ?? tmpdir();
  const logger = options.logger ?? createLogger({ service: "lumiku-renderer" });
  const authorized = bearerAuth(options.secret);
  const ffmpegVersion = await detectFfmpegVersion();

  const running = new Map<Promise<void>, AbortController>();
  const progress = new JobProgressRegistry();
  // Slots free up when a reply is complete, not after the temp cleanup behind it, so that a
  // client sending its next request right after a reply does not see a spurious 503.
  let busySlots = 0;

  // Headers up to 64 KiB leave room for an X-Render-Spec with 100 segments. The request timeout
  // is the job timeout, so a slow but steady upload is cut off by the same rule as a slow encode.
  const server = createServer({ maxHeaderSize: 64 * 1024, requestTimeout: timeoutMs }, (req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;

    if (path === "/health" && req.method === "GET") {
      healthRoute(res, ffmpegVersion);
      return;
    }
    const progressMatch = JOB_PROGRESS_PATH.exec(path);
    if (progressMatch) {
      if (req.method !== "GET") {
        sendError(res, new RenderError("method_not_allowed", "/v1/jobs/:jobId accepts GET only"), false);
        return;
      }
      if (!authorized(req.headers.authorization)) {
        sendError(res, new RenderError("unauthorized", "missing or wrong bearer token"), false);
        return;
      }
      jobProgressRoute(res, progress, progressMatch[1] as string);
      return;
    }

    const route = JOB_ROUTES[path];
    if (!route) {
      sendError(res, new RenderError("not_found", `no route for ${req.method} ${path}`), false);
      return;
    }
    if (req.method !== "POST") {
      sendError(res, new RenderError("method_not_allowed", `${path} accepts POST only`), false);
      return;
    }
    if (!authorized(req.headers.authorization)) {
      logger.warn("request rejected", { route: path, status: 401 });
      sendError(res, new RenderError("unauthorized", "missing or wrong bearer token"), false);
      return;
    }
    if (busySlots >= maxJobs) {
      logger.warn("request rejected", { route: path, status: 503, runningJobs: busySlots });
      sendError(res, new RenderError("busy", `${busySlots} jobs are running; retry later`), false);
      return;
    }

    busySlots += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      busySlots -= 1;
    };
    res.once("close", release);

    // A malformed id is ignored rather than rejected: progress is optional, the job is not.
    const jobIdHeader = req.headers["x-job-id"];
    const jobId =
      PROGRESS_ROUTES.has(path) && typeof jobIdHeader === "string" && JOB_ID_PATTERN.test(jobIdHeader)
        ? jobIdHeader
        : null;

    const controller = new AbortController();
    const done = runJob(req, res, path, route, controller, jobId).finally(() => {
      release();
      running.delete(done);
    });
    running.set(done, controller);
  });

  /**
   * Runs one job from start to cleanup and writes its log line. The job's signal aborts when
   * the client goes away before the reply is complete, or when the job times out.
   */
  async function runJob(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    handler: (job: Job) => Promise<void>,
    controller: AbortController,
    jobId: string | null,
  ) {
    const startedAt = performance.now();
    if (jobId) progress.start(jobId);
    const reportProgress = (fraction: number) => {
      if (jobId) progress.update(jobId, fraction);
    };
    const log: JobLog = {};
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new ClientClosedError());
    };
    res.once("close", onClose);
    const timer = setTimeout(() => {
      controller.abort(new RenderError("render_failed", `the job timed out after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);

    let job: Job | null = null;
    let status = 200;
    let failure: { errorCode: string; error: string; detail?: string | undefined } | null = null;

    try {
      const dir = await mkdtemp(join(tempRoot, "lumiku-renderer-"));
      job = { req, res, dir, signal: controller.signal, log, bodyConsumed: false, reportProgress };
      await handler(job);
    } catch (caught) {
      const error = controller.signal.aborted ? controller.signal.reason : caught;
      if (error instanceof ClientClosedError) {
        status = 499;
        failure = { errorCode: "client_closed", error: error.message };
      } else {
        const renderError = toRenderError(error);
        status = renderError.status;
        failure = { errorCode: renderError.code, error: renderError.message, detail: renderError.detail };
        if (!res.headersSent) sendError(res, renderError, job?.bodyConsumed ?? false);
        else res.destroy();
      }
    } finally {
      clearTimeout(timer);
      res.off("close", onClose);
      if (jobId) progress.end(jobId, failure === null);
      if (job) await rm(job.dir, { recursive: true, force: true });

      const fields = { route, status, durationMs: Math.round(performance.now() - startedAt), ...log, ...failure };
      if (status >= 500 && status !== 503) logger.error("job failed", fields);
      else if (failure) logger.warn("job rejected", fields);
      else logger.info("job finished", fields);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info("renderer listening", { url, ffmpeg: ffmpegVersion, maxConcurrentJobs: maxJobs });

  return {
    url,
    async close() {
      // Running jobs are aborted (their ffmpeg killed) and wait for their own cleanup.
      for (const controller of running.values()) controller.abort(new ClientClosedError());
      await Promise.allSettled(running.keys());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      logger.info("renderer stopped", { url });
    },
  };
}

function toRenderError(error: unknown): RenderError {
  if (error instanceof RenderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RenderError("render_failed", "the renderer failed unexpectedly", message);
}

/** Reads ffmpeg's version ("5.1.9" from "ffmpeg version 5.1.9-0+deb12u1"). Throws when ffmpeg is missing. */
async function detectFfmpegVersion(): Promise<string> {
  const result = await runTool("ffmpeg", ["-hide_banner", "-version"]).catch((error: Error) => {
    throw new Error(`ffmpeg could not be started: ${error.message}`);
  });
  const match = /ffmpeg version n?(\d+(?:\.\d+)*)/.exec(result.stdout);
  if (result.exitCode !== 0 || !match?.[1]) throw new Error(`ffmpeg -version failed: ${result.stderr.slice(0, 300)}`);
  return match[1];
}

/**
 * Starts the renderer from PORT, HOST and RENDERER_SECRET and stops it on SIGINT or SIGTERM.
 * This runs when the file is the entry point: `tsx src/server.ts` in dev, `node dist/server.js`
 * in the container.
 */
async function runFromEnvironment() {
  const secret = process.env.RENDERER_SECRET;
  if (!secret) {
    console.error("RENDERER_SECRET is not set: set it to the secret the Worker sends as its bearer token.");
    process.exit(1);
  }

  const port = Number(process.env.PORT ?? 8788);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be an integer from 0 to 65535, got "${process.env.PORT}".`);
    process.exit(1);
  }

  const renderer = await startRenderer({ port, host: process.env.HOST ?? "127.0.0.1", secret });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void renderer.close().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runFromEnvironment();
}
