// Measures the Video Mixer render strategy against the naive one, side by side on this machine:
//   normalized: normalize each of 4 clips once, then join 5 variants with the concat demuxer
//               (-c copy), as the queue consumer does;
//   naive:      re-encode every variant from the raw clips through one concat filter graph,
//               as the original product did.
// Both produce 720x1280 @ 30 fps, 2500 kb/s H.264 + AAC. Run: pnpm --filter @lumiku/bench render
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startRenderer } from "../renderer/src/server";

const execFileAsync = promisify(execFile);

const WIDTH = 720;
const HEIGHT = 1280;
const FPS = 30;
const KBPS = 2500;
const VARIANTS = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// Mixed inputs, as users upload them: sizes, aspect ratios, frame rates, one without audio.
const CLIPS = [
  { size: "1280x720", rate: 30, audio: true },
  { size: "720x1280", rate: 25, audio: true },
  { size: "640x480", rate: 60, audio: false },
  { size: "1080x1080", rate: 30, audio: true },
];

const work = mkdtempSync(path.join(tmpdir(), "lumiku-bench-"));

function ffmpeg(args: string[]) {
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { stdio: "inherit" });
}

function makeClips(): string[] {
  return CLIPS.map((clip, index) => {
    const file = path.join(work, `clip-${index}.mp4`);
    const inputs = ["-f", "lavfi", "-i", `testsrc2=size=${clip.size}:rate=${clip.rate}:duration=4`];
    if (clip.audio) inputs.push("-f", "lavfi", "-i", `sine=frequency=${300 + index * 200}:duration=4`);
    ffmpeg([
      ...inputs,
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-pix_fmt",
      "yuv420p",
      "-c:a",
      "aac",
      "-shortest",
      file,
    ]);
    return file;
  });
}

function orders(count: number): number[][] {
  const all: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) all.push(prefix);
    for (const item of rest)
      permute(
        [...prefix, item],
        rest.filter((other) => other !== item),
      );
  };
  permute([], [0, 1, 2, 3]);
  return all.slice(0, count);
}

function spec(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

async function normalizedStrategy(url: string, secret: string, clips: string[]): Promise<number> {
  const auth = { authorization: `Bearer ${secret}` };
  const started = performance.now();

  const normalized = await Promise.all(
    clips.map(async (file) => {
      const response = await fetch(`${url}/v1/normalize`, {
        method: "POST",
        headers: { ...auth, "x-render-spec": spec({ width: WIDTH, height: HEIGHT, fps: FPS, videoBitrateKbps: KBPS }) },
        body: readFileSync(file),
      });
      if (!response.ok) throw new Error(`normalize failed: ${response.status} ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    }),
  );

  for (const order of orders(VARIANTS)) {
    const segments = order.map((index) => normalized[index] as Buffer);
    const response = await fetch(`${url}/v1/assemble`, {
      method: "POST",
      headers: {
        ...auth,
        "x-render-spec": spec({
          segments: segments.map((segment) => ({ bytes: segment.length, trimStart: 0, trimDuration: null, speed: 1 })),
          output: {
            width: WIDTH,
            height: HEIGHT,
            fps: FPS,
            videoBitrateKbps: KBPS,
            audio: "keep",
            durationSeconds: null,
            metadata: { encoder: "CapCut", comment: "Made with CapCut" },
          },
          thumbnail: { atSeconds: 1, width: 360 },
        }),
      },
      body: Buffer.concat(segments),
    });
    if (!response.ok) throw new Error(`assemble failed: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
  return (performance.now() - started) / 1000;
}

// Runs ffmpeg without blocking the event loop: the renderer shares this process, and a blocked
// loop would let its keep-alive sockets time out under the next request.
async function naiveStrategy(clips: string[]): Promise<number> {
  const started = performance.now();
  for (const [variant, order] of orders(VARIANTS).entries()) {
    const inputs: string[] = [];
    const filters: string[] = [];
    order.forEach((clipIndex, position) => {
      inputs.push("-i", clips[clipIndex] as string);
      const hasAudio = CLIPS[clipIndex]?.audio;
      filters.push(
        `[${position}:v]scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=decrease,pad=${WIDTH}:${HEIGHT}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${FPS}[v${position}]`,
        hasAudio
          ? `[${position}:a]aresample=48000,aformat=channel_layouts=stereo[a${position}]`
          : `anullsrc=r=48000:cl=stereo,atrim=duration=4[a${position}]`,
      );
    });
    const joined = order.map((_, position) => `[v${position}][a${position}]`).join("");
    filters.push(`${joined}concat=n=${order.length}:v=1:a=1[v][a]`);
    await execFileAsync("ffmpeg", [
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      ...inputs,
      "-filter_complex",
      filters.join(";"),
      "-map",
      "[v]",
      "-map",
      "[a]",
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-b:v",
      `${KBPS}k`,
      "-pix_fmt",
      "yuv420p",
      "-c:a",
      "aac",
      "-b:a",
      "128k",
      "-movflags",
      "+faststart",
      path.join(work, `naive-${variant}.mp4`),
    ]);
  }
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const secret = "bench-secret-0123456789abcdef0123456789";
const renderer = await startRenderer({ port: 0, secret, maxConcurrentJobs: 4 });
try {
  const clips = makeClips();
  const ours: number[] = [];
  const naive: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    ours.push(await normalizedStrategy(renderer.url, secret, clips));
    naive.push(await naiveStrategy(clips));
  }

  const bytes = clips.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(
    `${VARIANTS} variants of ${CLIPS.length} clips (4 s each, ${(bytes / 1e6).toFixed(1)} MB in) at ${WIDTH}x${HEIGHT}, ${ROUNDS} rounds:`,
  );
  console.log(
    `  normalize once + copy-join: median ${median(ours).toFixed(2)} s  (${ours.map((s) => s.toFixed(2)).join(", ")})`,
  );
  console.log(
    `  re-encode every variant:    median ${median(naive).toFixed(2)} s  (${naive.map((s) => s.toFixed(2)).join(", ")})`,
  );
  console.log(`  ratio naive / ours: ${(median(naive) / median(ours)).toFixed(2)}x`);
} finally {
  await renderer.close();
  rmSync(work, { recursive: true, force: true });
}
