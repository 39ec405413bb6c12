import type { VideoProfile } from "../specs";

export const AUDIO_SAMPLE_RATE = 48_000;

/**
 * Arguments every ffmpeg call starts with: no prompt on stdin, errors only on stderr (the job log
 * keeps their tail).
 */
export const COMMON_ARGS = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"];

/**
 * H.264 settings shared by normalized clips and re-encoded outputs. Clips encoded with the same
 * profile get identical SPS/PPS, which is what lets the concat demuxer join them with `-c copy`.
 * A GOP of exactly one second with scene-cut keyframes off keeps keyframes on whole seconds.
 */
export function videoEncodeArgs(profile: VideoProfile): string[] {
  const fps = String(profile.fps);
  const bitrate = `${profile.videoBitrateKbps}k`;
  return [
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-profile:v",
    "high",
    "-pix_fmt",
    "yuv420p",
    "-r",
    fps,
    "-g",
    fps,
    "-keyint_min",
    fps,
    "-sc_threshold",
    "0",
    // Scoped to video: a bare -flags would replace the audio encoder's +bitexact.
    "-flags:v",
    "+cgop",
    "-b:v",
    bitrate,
    "-maxrate",
    bitrate,
    "-bufsize",
    `${profile.videoBitrateKbps * 2}k`,
  ];
}

// bitexact stops the AAC encoder from writing its "Lavc…" version string into the first frame.
export const AUDIO_ENCODE_ARGS = [
  "-c:a",
  "aac",
  "-b:a",
  "128k",
  "-ar",
  String(AUDIO_SAMPLE_RATE),
  "-ac",
  "2",
  "-flags:a",
  "+bitexact",
];

/** Arguments for an MP4 whose index sits in front, so players can start before the download ends. */
export const MP4_OUTPUT_ARGS = ["-movflags", "+faststart", "-f", "mp4"];

/**
 * Scales a picture to fit inside the frame without changing its shape, then pads it with black
 * to the exact frame size with square pixels. `force_divisible_by=2` keeps odd sources (853×479)
 * from producing an odd inner size that yuv420p cannot hold.
 */
export function fitFrameFilter(width: number, height: number): string {
  return [
    `scale=${width}:${height}:force_original_aspect_ratio=decrease:force_divisible_by=2`,
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=black`,
    "setsar=1",
  ].join(",");
}

/** Audio format every filter graph converges to before AAC encoding. */
export const STEREO_48K = `aformat=sample_fmts=fltp:sample_rates=${AUDIO_SAMPLE_RATE}:channel_layouts=stereo`;

/**
 * Builds the metadata arguments for an output. The MP4 muxer in ffmpeg 5.1 replaces any `encoder`
 * tag with its own "Lavf…" string, but it writes `encoding_tool` into the same ©too atom, which
 * players and ffprobe show as `encoder`. The video stream's `encoder` tag becomes the sample
 * entry's compressor name, which would otherwise read "Lavc… libx264".
 */
export function metadataArgs(metadata: { encoder?: string | undefined; comment?: string | undefined }): string[] {
  const args = ["-map_metadata", "-1", "-map_chapters", "-1"];
  if (metadata.encoder) {
    args.push("-metadata", `encoding_tool=${metadata.encoder}`, "-metadata:s:v:0", `encoder=${metadata.encoder}`);
  }
  if (metadata.comment) args.push("-metadata", `comment=${metadata.comment}`);
  return args;
}
