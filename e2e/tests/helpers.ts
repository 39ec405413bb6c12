import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

export const WEB_URL = "http://127.0.0.1:5173";

/** Debian's Chromium; Playwright's own browser download does not work on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export const workDir = mkdtempSync(path.join(tmpdir(), "lumiku-e2e-"));

export interface ClipSpec {
  name: string;
  size: string;
  rate: number;
  seconds: number;
  audio: boolean;
}

/** Writes a short test clip with ffmpeg's generated sources. */
export function makeClip(clip: ClipSpec): string {
  const file = path.join(workDir, clip.name);
  const inputs = ["-f", "lavfi", "-i", `testsrc2=size=${clip.size}:rate=${clip.rate}:duration=${clip.seconds}`];
  if (clip.audio) inputs.push("-f", "lavfi", "-i", `sine=frequency=500:duration=${clip.seconds}`);
  execFileSync("ffmpeg", [
    "-hide_banner",
    "-loglevel",
    "error",
    "-y",
    ...inputs,
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-pix_fmt",
    "yuv420p",
    ...(clip.audio ? ["-c:a", "aac", "-shortest"] : []),
    file,
  ]);
  return file;
}

export interface ProbeResult {
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  hasAudio: boolean;
}

export function probe(file: string): ProbeResult {
  const output = execFileSync("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", file]);
  const info = JSON.parse(output.toString()) as {
    streams: { codec_type: string; width?: number; height?: number; avg_frame_rate?: string }[];
    format: { duration: string };
  };
  const video = info.streams.find((stream) => stream.codec_type === "video");
  if (!video) throw new Error(`${file} has no video stream`);
  const [num, den] = (video.avg_frame_rate ?? "0/1").split("/").map(Number) as [number, number];
  return {
    width: video.width ?? 0,
    height: video.height ?? 0,
    fps: num / den,
    durationSeconds: Number(info.format.duration),
    hasAudio: info.streams.some((stream) => stream.codec_type === "audio"),
  };
}
