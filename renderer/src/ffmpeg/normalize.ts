import type { VideoProfile } from "../specs";
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

export interface NormalizeCommand {
  args: string[];
  frameCount: number;
  durationSeconds: number;
}

/**
 * Builds the ffmpeg command that turns any supported clip into the profile's MP4.
 *
 * The output contains exactly `frameCount` frames and exactly as many audio samples as those frames
 * last, so every normalized clip has equal audio and video lengths and joined clips stay in sync.
 * ffmpeg 5.1 applies the display matrix while decoding (autorotate is on by default), so the
 * filters already see the upright picture.
 */
export function normalizeCommand(
  input: string,
  output: string,
  media: MediaInfo,
  profile: VideoProfile,
): NormalizeCommand {
  const { width, height, fps } = profile;
  const frameCount = Math.max(1, Math.round(media.videoEndSeconds * fps));
  const sampleCount = Math.round((frameCount * AUDIO_SAMPLE_RATE) / fps);

  // fps with start_time=0 fills a late first frame back to zero and turns VFR into CFR. tpad
  // clones the last frame without limit in case the picture ends before the container's duration
  // (WebM has no stream duration), and trim ends the stream at the exact count.
  // yadif only touches frames flagged as interlaced (camcorder and broadcast sources).
  // NOTE: 10-bit HDR sources (HLG/PQ from recent phones) are converted to 8-bit yuv420p without
  // tone mapping, so they come out with flat, washed-out colors.
  const video = [
    `[0:${media.videoStreamIndex}]yadif=deint=interlaced`,
    `fps=${fps}:start_time=0`,
    fitFrameFilter(width, height),
    "format=yuv420p",
    "tpad=stop=-1:stop_mode=clone",
    `trim=end_frame=${frameCount}[v]`,
  ].join(",");

  // aresample with first_pts=0 pads a late audio start with silence; apad and atrim give the
  // track exactly the video's length. A clip without audio gets silence of the same length.
  const audio =
    media.audioStreamIndex === null
      ? `anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${sampleCount}[a]`
      : [
          `[0:${media.audioStreamIndex}]aresample=${AUDIO_SAMPLE_RATE}:async=1:first_pts=0`,
          STEREO_48K,
          "apad",
          `atrim=end_sample=${sampleCount}[a]`,
        ].join(",");

  const args = [
    ...COMMON_ARGS,
    "-i",
    input,
    "-filter_complex",
    `${video};${audio}`,
    "-map",
    "[v]",
    "-map",
    "[a]",
    ...metadataArgs({}),
    ...videoEncodeArgs(profile),
    ...AUDIO_ENCODE_ARGS,
    ...MP4_OUTPUT_ARGS,
    output,
  ];

  return { args, frameCount, durationSeconds: frameCount / fps };
}
