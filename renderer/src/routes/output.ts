import { RenderError } from "../errors";
import { inspectMedia, type MediaInfo } from "../ffmpeg/probe";

/** Probes a file the renderer wrote itself; if ffprobe cannot read it, the render failed (500, not 422). */
export async function inspectOutput(path: string, signal: AbortSignal): Promise<MediaInfo> {
  try {
    const media = await inspectMedia(path, signal);
    return { ...media, videoDurationSeconds: Math.round(media.videoDurationSeconds * 1000) / 1000 };
  } catch (error) {
    if (error instanceof RenderError) {
      throw new RenderError("render_failed", `ffmpeg wrote an unreadable output: ${error.message}`, error.detail);
    }
    throw error;
  }
}
