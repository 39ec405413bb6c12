import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSpec, fixture, postFile, SECRET, startTestRenderer, type TestRenderer } from "../../test/helpers";
import { JobProgressRegistry } from "../progress";

const SMALL = { width: 320, height: 180, fps: 30, videoBitrateKbps: 500 };
// Re-encoding to 1080p takes a few seconds on 2 cores, long enough to poll in between.
const LARGE = { width: 1920, height: 1080, fps: 30, videoBitrateKbps: 5000 };

let renderer: TestRenderer;

beforeAll(async () => {
  renderer = await startTestRenderer();
});

afterAll(async () => {
  await renderer.stop();
});

function getJob(jobId: string, secret: string | null = SECRET) {
  return fetch(new URL(`/v1/jobs/${jobId}`, renderer.url), {
    headers: secret === null ? {} : { authorization: `Bearer ${secret}` },
  });
}

describe("GET /v1/jobs/:jobId", () => {
  it("reports an assemble's progress between 0 and 1 while it runs and 1 after it", async () => {
    const segment = await postFile(renderer.url, "/v1/normalize", fixture("landscape"), SMALL);
    expect(segment.status).toBe(200);
    const jobId = `assemble-${Date.now()}`;
    const spec = {
      // A trim forces the re-encode path, so ffmpeg encodes the whole output at 1080p.
      segments: [0, 1].map(() => ({ bytes: segment.body.length, trimStart: 0.1, trimDuration: null, speed: 0.5 })),
      output: { ...LARGE, audio: "keep", durationSeconds: null, metadata: { encoder: "CapCut", comment: "x" } },
      thumbnail: { atSeconds: 1, width: 160 },
    };

    const seen: number[] = [];
    let finished = false;
    const reply = fetch(new URL("/v1/assemble", renderer.url), {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "x-render-spec": encodeSpec(spec), "x-job-id": jobId },
      body: Buffer.concat([segment.body, segment.body]),
    }).then(async (response) => {
      await response.arrayBuffer();
      finished = true;
      return response.status;
    });
    while (!finished) {
      const poll = await getJob(jobId);
      if (poll.status === 200) seen.push(((await poll.json()) as { progress: number }).progress);
      else await poll.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(await reply).toBe(200);
    expect(seen.some((value) => value > 0 && value < 1)).toBe(true);
    expect(seen.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const after = await getJob(jobId);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ progress: 1 });
  });

  it("answers 404 for an unknown or malformed id", async () => {
    const unknown = await getJob("never-sent-this-id");
    const malformed = await getJob("short");

    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect(malformed.status).toBe(404);
    await malformed.arrayBuffer();
  });

  it("requires the bearer token", async () => {
    const missing = await getJob("never-sent-this-id", null);
    const wrong = await getJob("never-sent-this-id", "not-the-secret");
    await Promise.all([missing.arrayBuffer(), wrong.arrayBuffer()]);

    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
  });

  it("ignores a malformed X-Job-Id and runs the job", async () => {
    const response = await fetch(new URL("/v1/normalize", renderer.url), {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "x-render-spec": encodeSpec(SMALL), "x-job-id": "bad id!" },
      body: await readFile(fixture("silent")),
    });
    await response.arrayBuffer();

    expect(response.status).toBe(200);
    expect((await getJob("bad id!")).status).toBe(404);
  });
});

describe("JobProgressRegistry", () => {
  it("forgets a finished job after the TTL and keeps a running one", () => {
    let now = 0;
    const registry = new JobProgressRegistry(10, 60_000, () => now);
    registry.start("finished-job");
    registry.start("running-job");
    registry.update("running-job", 0.4);
    registry.update("running-job", 0.2);
    registry.end("finished-job", true);

    now = 60_001;

    expect(registry.get("finished-job")).toBeNull();
    expect(registry.get("running-job")).toBe(0.4);
  });

  it("drops the oldest entries past its bound", () => {
    const registry = new JobProgressRegistry(3);
    for (const id of ["job-0001", "job-0002", "job-0003", "job-0004"]) registry.start(id);

    expect(registry.size).toBe(3);
    expect(registry.get("job-0001")).toBeNull();
    expect(registry.get("job-0004")).toBe(0);
  });
});
