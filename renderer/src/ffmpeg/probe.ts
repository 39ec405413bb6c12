import { open } from "node:fs/promises";
import { RenderError } from "../errors";
import { runTool } from "./run";

export type Container = "mp4" | "mov" | "webm" | "mkv";
export type Rotation = 0 | 90 | 180 | 270;

/** The `POST /v1/probe` reply. */
export interface ProbeResult {
  container: Container;
  durationSeconds: number;
  /** Coded size, before rotation. */
  width: number;
  height: number;
  /** Clockwise degrees a player turns the picture for display. */
  rotation: Rotation;
  fps: number;
  videoCodec: string;
  audioCodec: string | null;
  hasAudio: boolean;
}

/** Probe reply plus the stream details that normalize and assemble need. */
export interface MediaInfo extends ProbeResult {
  videoStreamIndex: number;
  audioStreamIndex: number | null;
  /** Length of the video stream alone. */
  videoDurationSeconds: number;
  /** End of the video stream on the timeline ffmpeg uses, which starts at the earliest stream. */
  videoEndSeconds: number;
  pixelFormat: string | null;
  profile: string | null;
  /** CRC32 of the codec extradata (SPS/PPS for H.264); equal hashes can be joined by stream copy. */
  extradataHash: string | null;
}

interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  start_time?: string;
  duration?: string;
  extradata_hash?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number }>;
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; start_time?: string; duration?: string; tags?: Record<string, string> };
}

/**
 * Reads an input with ffprobe. Anything that is not a video in one of the four supported
 * containers (images, text, audio-only files, unreadable data) raises 422 `unsupported_media`.
 */
export async function inspectMedia(path: string, signal?: AbortSignal): Promise<MediaInfo> {
  const result = await runTool(
    "ffprobe",
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_data_hash", "CRC32", path],
    signal,
  );
  if (result.exitCode !== 0) {
    throw new RenderError("unsupported_media", "the input is not a readable media file", result.stderr);
  }

  const output = JSON.parse(result.stdout) as FfprobeOutput;
  const format = output.format ?? {};
  const streams = output.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === "video" && stream.disposition?.attached_pic !== 1);
  const audio = streams.find((stream) => stream.codec_type === "audio") ?? null;

  const container = await containerOf(path, format.format_name ?? "", format.tags?.major_brand);
  if (!container) {
    throw new RenderError(
      "unsupported_media",
      `the input format ${format.format_name ?? "unknown"} is not a video container`,
    );
  }
  if (!video?.codec_name || !video.width || !video.height) {
    throw new RenderError("unsupported_media", "the input has no decodable video stream");
  }

  const formatStart = timestamp(format.start_time) ?? 0;
  const formatDuration = seconds(format.duration);
  const streamDuration = seconds(video.duration);
  const length = streamDuration ?? formatDuration;
  if (length === null) {
    throw new RenderError("unsupported_media", "the input video has no duration");
  }
  // WebM and Matroska store no per-stream duration; then the picture is taken to last as long
  // as the container.
  const videoOffset = Math.max(0, (timestamp(video.start_time) ?? formatStart) - formatStart);
  const videoEndSeconds = streamDuration === null ? length : videoOffset + streamDuration;
  const videoDurationSeconds = streamDuration ?? Math.max(0, length - videoOffset);

  return {
    container,
    durationSeconds: round(formatDuration ?? length),
    width: video.width,
    height: video.height,
    rotation: rotationOf(video),
    fps: round(frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate) ?? 0),
    videoCodec: video.codec_name,
    audioCodec: audio?.codec_name ?? null,
    hasAudio: audio !== null,
    videoStreamIndex: video.index,
    audioStreamIndex: audio?.index ?? null,
    videoDurationSeconds,
    videoEndSeconds,
    pixelFormat: video.pix_fmt ?? null,
    profile: video.profile ?? null,
    extradataHash: video.extradata_hash ?? null,
  };
}

/** Drops the fields that only the renderer itself uses. */
export function toProbeResult(media: MediaInfo): ProbeResult {
  const { container, durationSeconds, width, height, rotation, fps, videoCodec, audioCodec, hasAudio } = media;
  return { container, durationSeconds, width, height, rotation, fps, videoCodec, audioCodec, hasAudio };
}

async function containerOf(
  path: string,
  formatName: string,
  majorBrand: string | undefined,
): Promise<Container | null> {
  const names = formatName.split(",");
  if (names.includes("mov") || names.includes("mp4")) return majorBrand?.trim() === "qt" ? "mov" : "mp4";
  if (names.includes("matroska")) return (await matroskaDocType(path)) === "webm" ? "webm" : "mkv";
  return null;
}

/**
 * Reads the DocType from the EBML header at the start of the file, because ffprobe names WebM
 * and Matroska files alike ("matroska,webm").
 */
async function matroskaDocType(path: string): Promise<string | null> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(256), 0, 256, 0);
    const header = buffer.subarray(0, bytesRead);
    // DocType element: ID 0x4282, then a one-byte size (0x80 | length) for any realistic name.
    const at = header.indexOf(Buffer.from([0x42, 0x82]));
    if (at < 0) return null;
    const sizeByte = header[at + 2];
    if (sizeByte === undefined || (sizeByte & 0x80) === 0) return null;
    const length = sizeByte & 0x7f;
    return header.subarray(at + 3, at + 3 + length).toString("ascii");
  } finally {
    await file.close();
  }
}

/**
 * Reads the rotation as clockwise degrees, like the legacy `rotate` tag. ffprobe reports a
 * display matrix angle counterclockwise, so a phone clip recorded upright shows `rotation: -90`
 * there and 90 here.
 */
function rotationOf(stream: FfprobeStream): Rotation {
  const matrix = stream.side_data_list?.find((data) => typeof data.rotation === "number");
  const degrees = matrix ? -(matrix.rotation as number) : Number(stream.tags?.rotate ?? 0);
  if (!Number.isFinite(degrees)) return 0;
  const quarterTurns = Math.round(degrees / 90);
  return ((((quarterTurns % 4) + 4) % 4) * 90) as Rotation;
}

function frameRate(value: string | undefined): number | null {
  const [numerator, denominator] = (value ?? "").split("/").map(Number);
  if (!numerator || !denominator || !Number.isFinite(numerator / denominator)) return null;
  return numerator / denominator;
}

/** Parses a stream position, which may be zero or negative (audio priming). */
function timestamp(value: string | undefined): number | null {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) ? parsed : null;
}

/** Parses a length. ffprobe prints "N/A" or nothing when it does not know one. */
function seconds(value: string | undefined): number | null {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
