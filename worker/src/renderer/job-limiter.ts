import type { Logger } from "../core/logger";
import { RendererError } from "./transport";

/**
 * Jobs one renderer runs at once (`maxConcurrentJobs` in docs/renderer-protocol.md). A request
 * past it gets 503 `busy` with `Retry-After: 5` before its body is read.
 */
export const RENDERER_MAX_JOBS = 2;

// A busy job runs again after the renderer's Retry-After (5 s when absent), up to this many
// runs in all, so one message waits about 15 s for a slot before the queue retries it.
const BUSY_RUNS = 4;
const DEFAULT_BUSY_WAIT_SECONDS = 5;
const MAX_BUSY_WAIT_SECONDS = 10;

/**
 * Runs renderer jobs with at most `limit` of them in flight, and runs a job again when the
 * renderer turned it away with 503 `busy`, so a briefly full renderer does not use up a queue
 * retry. A job must open its inputs itself each time it runs (as normalizeObject and
 * assembleToR2 do), because the first attempt's request body is gone. The queue consumer makes
 * one limiter per batch, so each invocation keeps to the renderer's job cap.
 */
export class RendererJobLimiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly log: Logger,
    readonly limit: number = RENDERER_MAX_JOBS,
    private readonly sleep: (milliseconds: number) => Promise<void> = (milliseconds) =>
      new Promise((resolve) => setTimeout(resolve, milliseconds)),
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      for (let run = 1; ; run++) {
        try {
          return await job();
        } catch (error) {
          if (!(error instanceof RendererError && error.busy) || run >= BUSY_RUNS) throw error;
          const waitSeconds = Math.min(error.retryAfterSeconds ?? DEFAULT_BUSY_WAIT_SECONDS, MAX_BUSY_WAIT_SECONDS);
          this.log.warn("renderer busy; running the job again", { run, waitSeconds });
          await this.sleep(waitSeconds * 1000);
        }
      }
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#running < this.limit) {
      this.#running++;
      return;
    }
    // #release hands its slot straight to the first waiter, so #running does not change.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
}
