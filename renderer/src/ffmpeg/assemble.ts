import { RenderError } from "../errors";
import type { AssembleSpec, VideoProfile } from "../specs";
import {
  AUDIO_ENCODE_ARGS,
  AUDIO_SAMPLE_RATE,
  COMMON_ARGS,
  fitFrameFilter,
  MP4_OUTPUT_ARGS,
  metadataArgs,
  STEREO_48K,
  videoEncodeArgs,
} from "./encoding";
import type { MediaInfo } from "./probe";

/** One received segment: its file name in the job directory, its full path and what ffprobe found. */
export interface SegmentFile {
  name: string;
  path: string;
  media: MediaInfo;
}

/** The part of a segment that goes into the output, in seconds of the segment, and its playback speed. */
interface SegmentWindow {
  start: number;
  end: number;
  speed: number;
}

export type AssembleMode = "copy" | "reencode";

export interface AssembleCommand {
  mode: AssembleMode;
  args: string[];
  /** Text the caller writes to `paths.concatList` before running the copy path; null for re-encoding. */
  concatList: string | null;
  /** Output length that the spec implies, before ffmpeg rounds it to whole frames. */
  expectedSeconds: number;
}

// A window shorter than one frame at 120 fps would leave a segment without a picture.
const MIN_WINDOW_SECONDS = 1 / 120;

/**
 * Chooses how to join the segments and builds the ffmpeg command. The concat demuxer joins the
 * video without re-encoding when every segment is used whole at speed 1, the output has no length
 * cut, and all segments share H.264 parameters that already match the output. Anything else goes
 * through one filter graph and one encode.
 */
export function assembleCommand(
  spec: AssembleSpec,
  segments: SegmentFile[],
  paths: { output: string; concatList: string },
): AssembleCommand {
  const windows = segmentWindows(spec, segments);
  const playedSeconds = windows.reduce((sum, window) => sum + (window.end - window.start) / window.speed, 0);
  const expectedSeconds = Math.min(playedSeconds, spec.output.durationSeconds ?? Number.POSITIVE_INFINITY);

  if (canJoinByCopy(spec, segments)) {
    return { mode: "copy", ...copyCommand(spec, segments, paths), expectedSeconds };
  }
  const args = reencodeArgs(spec, segments, windows, paths.output);
  return { mode: "reencode", args, concatList: null, expectedSeconds };
}

/** Resolves each segment's trim against its real length; a trim that starts past the end is a caller bug. */
function segmentWindows(spec: AssembleSpec, segments: SegmentFile[]): SegmentWindow[] {
  return spec.segments.map((segment, i) => {
    const length = (segments[i] as SegmentFile).media.videoDurationSeconds;
    const start = segment.trimStart;
    const end = Math.min(length, segment.trimDuration === null ? length : start + segment.trimDuration);
    if (end - start < MIN_WINDOW_SECONDS) {
      throw new RenderError(
        "invalid_spec",
        `segments.${i}: trimStart ${start} s leaves nothing of the ${length.toFixed(3)} s segment`,
      );
    }
    return { start, end, speed: segment.speed };
  });
}

function canJoinByCopy(spec: AssembleSpec, segments: SegmentFile[]): boolean {
  const untouched = spec.segments.every(
    (segment) => segment.trimStart === 0 && segment.trimDuration === null && segment.speed === 1,
  );
  if (!untouched || spec.output.durationSeconds !== null) return false;

  const first = segments[0]?.media.extradataHash;
  return segments.every(({ media }) => matchesProfile(media, spec.output) && media.extradataHash === first);
}

function matchesProfile(media: MediaInfo, profile: VideoProfile): boolean {
  return (
    media.videoCodec === "h264" &&
    media.pixelFormat === "yuv420p" &&
    media.rotation === 0 &&
    media.width === profile.width &&
    media.height === profile.height &&
    Math.abs(media.fps - profile.fps) < 0.01 &&
    media.extradataHash !== null
  );
}

/**
 * Video: the concat demuxer with `-c:v copy`. The `duration` lines give each file its exact
 * video length, so the next file starts right after the last frame instead of after the rounded
 * container duration.
 *
 * Audio is decoded and encoded again, which costs little. Copying it would keep the 1024 priming
 * samples that start every AAC track, which the concat demuxer does not drop at the joins, so
 * each join would shift the sound by about 21 ms against the picture.
 */
function copyCommand(spec: AssembleSpec, segments: SegmentFile[], paths: { output: string; concatList: string }) {
  const concatList = [
    "ffconcat version 1.0",
    ...segments.flatMap(({ name, media }) => [`file '${name}'`, `duration ${decimal(media.videoDurationSeconds)}`]),
    "",
  ].join("\n");

  // File names in the list resolve against the list's own directory, which is the job directory.
  const inputs = ["-f", "concat", "-i", paths.concatList];
  const maps = ["-map", "0:v:0"];
  let filters: string[] = [];
  let audioArgs = ["-an"];

  if (spec.output.audio === "keep") {
    // Each segment's audio is cut or padded to exactly its video length before the joins.
    const labels: string[] = [];
    let nextInput = 1;
    filters = segments.map(({ path, media }, i) => {
      const samples = Math.round(media.videoDurationSeconds * AUDIO_SAMPLE_RATE);
      labels.push(`[a${i}]`);
      if (media.audioStreamIndex === null) {
        return `anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${samples}[a${i}]`;
      }
      inputs.push("-i", path);
      const input = nextInput++;
      return `[${input}:${media.audioStreamIndex}]${STEREO_48K},atrim=end_sample=${samples},apad=whole_len=${samples}[a${i}]`;
    });
    filters.push(`${labels.join("")}concat=n=${segments.length}:v=0:a=1[a]`);
    maps.push("-map", "[a]");
    audioArgs = AUDIO_ENCODE_ARGS;
  }

  const args = [
    ...COMMON_ARGS,
    ...inputs,
    ...(filters.length > 0 ? ["-filter_complex", filters.join(";")] : []),
    ...maps,
    "-c:v",
    "copy",
    ...audioArgs,
    ...metadataArgs(spec.output.metadata),
    ...MP4_OUTPUT_ARGS,
    paths.output,
  ];
  return { args, concatList };
}

/**
 * Builds one filter graph. Each segment is trimmed, sped up or slowed down and fitted to the
 * frame; setpts changes the picture's speed and atempo the sound's, which covers 0.5–2.0 in one
 * stage. Then concat joins them, fps makes the frame rate constant and trim applies
 * `durationSeconds`. concat pads a segment's shorter audio with silence, so the sound stays in
 * sync at every join.
 */
function reencodeArgs(spec: AssembleSpec, segments: SegmentFile[], windows: SegmentWindow[], output: string) {
  const { output: profile } = spec;
  const keepAudio = profile.audio === "keep";
  const filters: string[] = [];
  const concatInputs: string[] = [];

  segments.forEach(({ media }, i) => {
    const { start, end, speed } = windows[i] as SegmentWindow;
    filters.push(
      `[${i}:${media.videoStreamIndex}]trim=start=${decimal(start)}:end=${decimal(end)},` +
        `setpts=(PTS-STARTPTS)/${decimal(speed)},${fitFrameFilter(profile.width, profile.height)}[v${i}]`,
    );
    concatInputs.push(`[v${i}]`);
    if (!keepAudio) return;

    const tempo = speed === 1 ? "" : `,atempo=${decimal(speed)}`;
    if (media.audioStreamIndex === null) {
      const samples = Math.round(((end - start) / speed) * AUDIO_SAMPLE_RATE);
      filters.push(`anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${samples}[a${i}]`);
    } else {
      filters.push(
        `[${i}:${media.audioStreamIndex}]atrim=start=${decimal(start)}:end=${decimal(end)},` +
          `asetpts=PTS-STARTPTS,${STEREO_48K}${tempo}[a${i}]`,
      );
    }
    concatInputs.push(`[a${i}]`);
  });

  const audioOut = keepAudio ? "[ac]" : "";
  filters.push(`${concatInputs.join("")}concat=n=${segments.length}:v=1:a=${keepAudio ? 1 : 0}[vc]${audioOut}`);

  const cut = profile.durationSeconds === null ? null : decimal(profile.durationSeconds);
  filters.push(`[vc]fps=${profile.fps},format=yuv420p${cut ? `,trim=duration=${cut}` : ""}[v]`);
  if (keepAudio) filters.push(`[ac]${cut ? `atrim=duration=${cut}` : "anull"}[a]`);

  return [
    ...COMMON_ARGS,
    ...segments.flatMap(({ path }) => ["-i", path]),
    "-filter_complex",
    filters.join(";"),
    "-map",
    "[v]",
    ...(keepAudio ? ["-map", "[a]", ...AUDIO_ENCODE_ARGS] : ["-an"]),
    ...metadataArgs(profile.metadata),
    ...videoEncodeArgs(profile),
    ...MP4_OUTPUT_ARGS,
    output,
  ];
}

/** Formats seconds for a filter argument: fixed-point, because filters do not parse "1e-7". */
function decimal(value: number): string {
  return String(Number(value.toFixed(6)));
}
