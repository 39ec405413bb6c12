import { COMMON_ARGS } from "./encoding";

/**
 * Builds the command for one JPEG frame at `atSeconds` of `video`, `width` pixels wide with the
 * height that keeps the aspect ratio (rounded to even). Seeking before `-i` is still frame
 * accurate when decoding; the caller keeps `atSeconds` inside the video.
 */
export function thumbnailArgs(video: string, output: string, atSeconds: number, width: number): string[] {
  return [
    ...COMMON_ARGS,
    "-ss",
    atSeconds.toFixed(3),
    "-i",
    video,
    "-frames:v",
    "1",
    "-vf",
    `scale=${width}:-2`,
    "-c:v",
    "mjpeg",
    "-q:v",
    "3",
    "-f",
    "image2",
    output,
  ];
}

/** Keeps the thumbnail time at least one frame before the end, where a seek could find no frame. */
export function clampThumbnailTime(atSeconds: number, durationSeconds: number, fps: number): number {
  return Math.min(Math.max(0, atSeconds), Math.max(0, durationSeconds - 1 / fps));
}
