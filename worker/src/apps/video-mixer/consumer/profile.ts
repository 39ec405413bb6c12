import type { NormalizeProfile } from "../../../renderer/normalize";
import { normalizedClipPrefix } from "../service/storage";
import { frameSize, type MixSettings, VIDEO_BITRATE_KBPS } from "../settings";

/** Frame size, frame rate and bitrate shared by every clip and output of one generation. */
export function outputProfile(settings: MixSettings): NormalizeProfile {
  const { width, height } = frameSize(settings.aspectRatio, settings.resolution);
  return { width, height, fps: settings.fps, videoBitrateKbps: VIDEO_BITRATE_KBPS[settings.bitrate] };
}

/**
 * R2 key of a clip normalized to `profile`. The key names the whole profile, so generations with
 * the same output settings reuse one normalized copy instead of encoding the clip again.
 */
export function normalizedClipKey(clipId: string, profile: NormalizeProfile): string {
  return `${normalizedClipPrefix(clipId)}${profile.width}x${profile.height}-${profile.fps}-${profile.videoBitrateKbps}.mp4`;
}
