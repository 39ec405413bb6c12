import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startRenderer } from "../../renderer/src/server";
import { createLogger } from "../src/core/logger";

/**
 * Starts the real renderer (Node + ffmpeg) on a free port for the whole run and writes small
 * video fixtures with ffmpeg. The Worker reaches the renderer through `TEST_RENDERER_URL`, which
 * vitest.config.ts reads when the pool starts. Tests read the fixtures as base64 with
 * `inject("videoFixtures")`, because the Workers runtime cannot read local files.
 */

// Must equal RENDERER_SECRET in vitest.config.ts.
const TEST_RENDERER_SECRET = "test-renderer-secret-0123456789abcdef012345";

export interface VideoFixtures {
  /** 1 s, 320×240, 25 fps, H.264 with an AAC tone. */
  mp4: string;
  /** 1 s, 240×320, 25 fps, VP9 without audio, in WebM. */
  webm: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    rendererUrl: string;
    videoFixtures: VideoFixtures;
  }
}

const run = promisify(execFile);

async function ffmpeg(args: string[]) {
  try {
    await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);
  } catch (error) {
    throw new Error(`ffmpeg failed while writing the test fixtures (is ffmpeg installed?): ${String(error)}`);
  }
}

async function writeFixtures(dir: string): Promise<VideoFixtures> {
  const mp4 = join(dir, "tiny.mp4");
  await ffmpeg([
    ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=1"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"],
    ...["-movflags", "+faststart", mp4],
  ]);

  const webm = join(dir, "tiny.webm");
  await ffmpeg([
    ...["-f", "lavfi", "-i", "testsrc=size=240x320:rate=25:duration=1"],
    ...["-c:v", "libvpx-vp9", "-deadline", "realtime", "-b:v", "200k", webm],
  ]);

  return {
    mp4: (await readFile(mp4)).toString("base64"),
    webm: (await readFile(webm)).toString("base64"),
  };
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "lumiku-worker-fixtures-"));
  const fixtures = await writeFixtures(dir);

  const renderer = await startRenderer({
    port: 0,
    secret: TEST_RENDERER_SECRET,
    // The renderer logs every job; keep the test output to warnings and errors.
    logger: quietLogger(),
  });
  process.env.TEST_RENDERER_URL = renderer.url;
  project.provide("rendererUrl", renderer.url);
  project.provide("videoFixtures", fixtures);

  return async () => {
    await renderer.close();
    await rm(dir, { recursive: true, force: true });
  };
}

function quietLogger() {
  const logger = createLogger({ service: "lumiku-renderer-test" });
  const silent = () => undefined;
  const quiet = { ...logger, debug: silent, info: silent, child: () => quiet };
  return quiet;
}
