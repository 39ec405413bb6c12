import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  encodeSpec,
  errorCode,
  fixture,
  post,
  postFile,
  rawRequest,
  SECRET,
  startTestRenderer,
  type TestRenderer,
  waitFor,
} from "../test/helpers";
import { CLIP_BODY_LIMIT } from "./limits";

const PROFILE = { width: 320, height: 180, fps: 30, videoBitrateKbps: 500 };
// Slow enough to encode (over a second on 2 cores) that a test can interrupt it.
const LARGE_PROFILE = { width: 1920, height: 1080, fps: 30, videoBitrateKbps: 5000 };
const MiB = 1024 * 1024;

let renderer: TestRenderer | null = null;

async function start(options: Parameters<typeof startTestRenderer>[0] = {}) {
  renderer = await startTestRenderer(options);
  return renderer;
}

afterEach(async () => {
  await renderer?.stop();
  renderer = null;
});

describe("renderer server", () => {
  it("answers /health without auth", async () => {
    const { url } = await start();

    const response = await fetch(new URL("/health", url));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", ffmpeg: expect.stringMatching(/^\d+\.\d+/) });
  });

  it.each([
    ["no header", null],
    ["a wrong secret", "not-the-secret"],
  ])("rejects %s with 401", async (_case, secret) => {
    const { url } = await start();

    const reply = await post(url, "/v1/probe", Buffer.from("x"), { secret });

    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe("unauthorized");
  });

  it("rejects a Basic authorization header with 401", async () => {
    const { url } = await start();

    const response = await fetch(new URL("/v1/probe", url), {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`user:${SECRET}`).toString("base64")}` },
      body: "x",
    });
    await response.arrayBuffer();

    expect(response.status).toBe(401);
  });

  it("answers unknown routes and methods", async () => {
    const { url } = await start();

    const missing = await fetch(new URL("/v1/nothing", url), { method: "POST" });
    const wrongMethod = await fetch(new URL("/v1/probe", url), { headers: { authorization: `Bearer ${SECRET}` } });
    await Promise.all([missing.arrayBuffer(), wrongMethod.arrayBuffer()]);

    expect(missing.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
  });

  it("answers 503 busy when every slot is taken", async () => {
    const { url, tempRoot } = await start({ maxConcurrentJobs: 1 });
    let stopUpload = () => {};
    // The first upload stays unfinished, so its job keeps the only slot.
    const first = rawRequest(
      url,
      "/v1/probe",
      { authorization: `Bearer ${SECRET}`, "content-length": "1000" },
      (write) => {
        write(Buffer.alloc(10));
        stopUpload = () => write(Buffer.alloc(990));
      },
    );
    await waitFor(async () => (await readdir(tempRoot)).length === 1);

    const second = await post(url, "/v1/probe", Buffer.from("x"));

    expect(second.status).toBe(503);
    expect(errorCode(second)).toBe("busy");
    expect(second.headers.get("retry-after")).toBe("5");
    stopUpload();
    expect((await first)?.status).toBe(422);
  });

  it("deletes temp files and frees the slot when the client aborts", async () => {
    const server = await start({ maxConcurrentJobs: 1 });
    const clip = await readFile(fixture("landscape"));
    const abort = new AbortController();

    const reply = post(server.url, "/v1/normalize", clip, { spec: LARGE_PROFILE, signal: abort.signal });
    // ffmpeg creates its output file once encoding has begun; a 1080p encode then runs for seconds.
    await waitFor(async () => {
      const [dir] = await readdir(server.tempRoot);
      return dir !== undefined && (await readdir(join(server.tempRoot, dir))).includes("normalized.mp4");
    });
    abort.abort();

    await expect(reply).rejects.toThrow();
    await waitFor(() => server.logs.some((line) => line.fields.errorCode === "client_closed"));
    const line = server.logs.find((entry) => entry.fields.errorCode === "client_closed");
    // ffmpeg was killed, so it never reported an exit code.
    expect(line?.fields.ffmpegExitCode).toBeUndefined();
    expect(line?.fields.bytesIn).toBe(clip.length);
    expect(await readdir(server.tempRoot)).toEqual([]);
    const next = await postFile(server.url, "/v1/probe", fixture("silent"));
    expect(next.status).toBe(200);
  });

  it("kills ffmpeg and answers 500 when a job times out", async () => {
    const server = await start({ jobTimeoutMs: 300 });

    const reply = await postFile(server.url, "/v1/normalize", fixture("landscape"), LARGE_PROFILE);

    expect(reply.status).toBe(500);
    expect(errorCode(reply)).toBe("render_failed");
    expect(JSON.parse(reply.body.toString("utf8")).error.message).toMatch(/timed out/);
    await waitFor(async () => (await readdir(server.tempRoot)).length === 0);
    const line = server.logs.find((entry) => entry.fields.route === "/v1/normalize");
    expect(line?.fields.ffmpegExitCode).toBeUndefined();
  });

  it("rejects a declared length over the clip limit with 413 before reading", async () => {
    const { url, tempRoot } = await start();
    const headers = { authorization: `Bearer ${SECRET}`, "content-length": String(CLIP_BODY_LIMIT + 1) };

    const reply = await rawRequest(url, "/v1/probe", headers, (write) => write(Buffer.alloc(1024)));

    expect(reply?.status).toBe(413);
    expect(JSON.parse(reply?.body ?? "{}").error.code).toBe("payload_too_large");
    await waitFor(async () => (await readdir(tempRoot)).length === 0);
  });

  it("rejects a chunked body over the clip limit with 413", async () => {
    const { url, tempRoot } = await start();
    const headers = { authorization: `Bearer ${SECRET}`, "x-render-spec": encodeSpec(PROFILE) };
    const chunk = Buffer.alloc(MiB);

    const reply = await rawRequest(url, "/v1/normalize", headers, (write, end) => {
      let sent = 0;
      const pump = () => {
        while (sent < CLIP_BODY_LIMIT + 4 * MiB) {
          sent += chunk.length;
          if (!write(chunk)) {
            setTimeout(pump, 1);
            return;
          }
        }
        end();
      };
      pump();
    });

    expect(reply?.status).toBe(413);
    await waitFor(async () => (await readdir(tempRoot)).length === 0);
  });

  it("logs one line per job without the secret", async () => {
    const server = await start();

    await postFile(server.url, "/v1/normalize", fixture("silent"), PROFILE);
    await post(server.url, "/v1/probe", Buffer.from("x"), { secret: "wrong" });
    await waitFor(() => server.logs.some((line) => line.message === "job finished"));

    const jobLines = server.logs.filter((line) => line.fields.route === "/v1/normalize");
    expect(jobLines).toHaveLength(1);
    expect(jobLines[0]?.fields).toMatchObject({ status: 200, mode: "normalize", ffmpegExitCode: 0 });
    expect(jobLines[0]?.fields.durationMs).toEqual(expect.any(Number));
    expect(JSON.stringify(server.logs)).not.toContain(SECRET);
  });
});
