import { describe, expect, it } from "vitest";
import { logger } from "../core/logger";
import { RendererJobLimiter } from "./job-limiter";
import { RendererError } from "./transport";

const busy = () => new RendererError(503, "busy", "too many jobs", 5);

function limiter(waits: number[] = []) {
  return new RendererJobLimiter(logger, 2, async (milliseconds) => {
    waits.push(milliseconds);
  });
}

describe("RendererJobLimiter", () => {
  it("runs at most two jobs at once", async () => {
    const jobs = limiter();
    let running = 0;
    let maxRunning = 0;
    const job = async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };

    await Promise.all(Array.from({ length: 6 }, () => jobs.run(job)));

    expect(maxRunning).toBe(2);
  });

  it("runs a busy job again after Retry-After", async () => {
    const waits: number[] = [];
    let runs = 0;

    const result = await limiter(waits).run(async () => {
      runs += 1;
      if (runs < 3) throw busy();
      return "done";
    });

    expect(result).toBe("done");
    expect(waits).toEqual([5000, 5000]);
  });

  it("gives up after four busy runs", async () => {
    const waits: number[] = [];
    let runs = 0;

    const failing = limiter(waits).run(async () => {
      runs += 1;
      throw busy();
    });

    await expect(failing).rejects.toMatchObject({ status: 503, code: "busy" });
    expect(runs).toBe(4);
    expect(waits).toHaveLength(3);
  });

  it("throws other errors at once and frees the slot", async () => {
    const jobs = limiter();
    const failures = [500, 422].map((status) =>
      jobs.run(async () => {
        throw new RendererError(status, "render_failed", "failed");
      }),
    );
    for (const failure of failures) await expect(failure).rejects.toBeInstanceOf(RendererError);

    expect(await jobs.run(async () => "next")).toBe("next");
  });
});
