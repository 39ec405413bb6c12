import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

const run = promisify(execFile);

declare module "vitest" {
  export interface ProvidedContext {
    fixturesDir: string;
  }
}

/** Input clips for the tests, by file name. Each is short so the whole suite stays fast. */
export const FIXTURES = {
  landscape: "landscape-1280x720-30.mp4",
  portrait: "portrait-720x1280-25.mp4",
  silent: "silent-640x480-60.mp4",
  odd: "odd-853x479-30.mp4",
  rotated: "rotated-1280x720-90.mp4",
  webm: "clip-vp8-opus.webm",
  mkv: "clip-vfr-vorbis.mkv",
  png: "image.png",
  text: "notes.txt",
  svg: "logo.svg",
} as const;

const FFMPEG = ["-hide_banner", "-loglevel", "error", "-y"];

function testsrc(size: string, rate: number, seconds: number) {
  return ["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`];
}

function sine(seconds: number, sampleRate: number, frequency = 440) {
  return ["-f", "lavfi", "-i", `sine=frequency=${frequency}:sample_rate=${sampleRate}:duration=${seconds}`];
}

const X264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];

async function ffmpeg(args: string[]) {
  await run("ffmpeg", [...FFMPEG, ...args]);
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "lumiku-renderer-fixtures-"));
  const path = (name: string) => join(dir, name);

  await Promise.all([
    // Mono 44.1 kHz audio, so normalize has to resample and upmix.
    ffmpeg([...testsrc("1280x720", 30, 3), ...sine(3, 44_100), ...X264, "-c:a", "aac", path(FIXTURES.landscape)]),
    ffmpeg([
      ...testsrc("720x1280", 25, 2.5),
      ...sine(2.5, 48_000, 660),
      ...X264,
      "-c:a",
      "aac",
      path(FIXTURES.portrait),
    ]),
    ffmpeg([...testsrc("640x480", 60, 2), ...X264, path(FIXTURES.silent)]),
    // x264 accepts odd sizes only without chroma subsampling, hence yuv444p.
    ffmpeg([
      ...testsrc("854x480", 30, 2),
      ...sine(2, 48_000),
      "-vf",
      "scale=853:479,format=yuv444p",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      path(FIXTURES.odd),
    ]),
    ffmpeg([
      ...testsrc("640x360", 24, 2),
      ...sine(2, 48_000),
      "-c:v",
      "libvpx",
      "-deadline",
      "realtime",
      "-cpu-used",
      "8",
      "-b:v",
      "500k",
      "-c:a",
      "libopus",
      path(FIXTURES.webm),
    ]),
    // Every frame for the first second, then every third: variable frame rate.
    ffmpeg([
      ...testsrc("640x360", 30, 2),
      ...sine(2, 48_000),
      "-vf",
      "select='lt(n\\,30)+not(mod(n\\,3))'",
      "-fps_mode",
      "vfr",
      ...X264,
      "-c:a",
      "libvorbis",
      path(FIXTURES.mkv),
    ]),
    makeRotatedClip(dir),
    ffmpeg(["-f", "lavfi", "-i", "color=c=red:size=64x64", "-frames:v", "1", path(FIXTURES.png)]),
    writeFile(path(FIXTURES.text), "This is a text file, not a video.\n"),
    writeFile(
      path(FIXTURES.svg),
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>\n',
    ),
  ]);

  project.provide("fixturesDir", dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

/**
 * Writes a phone-style clip. The coded picture is 1280×720 with its left half white, and a
 * display matrix turns it 90° clockwise, so upright it is 720×1280 with the white half on top.
 * ffmpeg 5.1 has no `-display_rotation` option, but a `rotate` tag on a stream copy becomes a
 * display matrix. In 5.1 `rotate=270` yields the matrix that ffprobe shows as `rotation: -90`,
 * which is what phones write for a portrait recording.
 */
async function makeRotatedClip(dir: string) {
  const plain = join(dir, "rotated-source.mp4");
  const target = join(dir, FIXTURES.rotated);
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "color=c=black:size=1280x720:rate=30:duration=2,drawbox=x=0:y=0:w=640:h=720:color=white:t=fill",
    ...sine(2, 48_000),
    ...X264,
    "-c:a",
    "aac",
    plain,
  ]);
  await ffmpeg(["-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=270", target]);
  await rm(plain);

  const { stdout } = await run("ffprobe", [
    "-v",
    "error",
    "-select_streams",
    "v:0",
    "-show_entries",
    "stream_side_data=rotation",
    "-of",
    "csv=p=0",
    target,
  ]);
  if (stdout.trim() !== "-90") {
    throw new Error(`the rotated fixture has display matrix rotation "${stdout.trim()}", expected -90`);
  }
}
