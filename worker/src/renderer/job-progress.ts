import type { Env } from "../core/env";
import type { Logger } from "../core/logger";
import { rendererFetch } from "./transport";

/** Interval between progress polls of a running job. Each response may cost a D1 write. */
export const JOB_PROGRESS_POLL_MS = 1500;

/**
 * Polls `GET /v1/jobs/:jobId` on the instance that `jobId` pins until the returned stop function
 * is called, and passes each returned value (0 to 1) to `onProgress`. Progress is only a hint: a failed
 * poll or a failed `onProgress` is logged at debug and the polling goes on. The stop function
 * resolves once no poll or `onProgress` call is running, so nothing is written after it.
 */
export function watchJobProgress(
  env: Env,
  jobId: string,
  onProgress: (fraction: number) => Promise<void>,
  log: Logger,
  intervalMs = JOB_PROGRESS_POLL_MS,
): () => Promise<void> {
  const stop = new AbortController();

  const polling = (async () => {
    while (await pause(intervalMs, stop.signal)) {
      try {
        const response = await rendererFetch(
          env,
          `/v1/jobs/${encodeURIComponent(jobId)}`,
          { signal: stop.signal },
          { instanceKey: jobId },
        );
        const body = (await response.json()) as { progress?: unknown };
        if (stop.signal.aborted) return;
        if (typeof body.progress === "number" && Number.isFinite(body.progress)) {
          await onProgress(Math.min(1, Math.max(0, body.progress)));
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        log.debug("renderer job progress poll failed", { jobId, error });
      }
    }
  })();

  return async () => {
    stop.abort();
    await polling;
  };
}

/** Waits `ms`; resolves false at once when `signal` aborts, true otherwise. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
