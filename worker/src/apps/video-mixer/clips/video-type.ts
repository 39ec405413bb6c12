import { fileTypeFromBuffer } from "file-type";

export type VideoContainer = "mp4" | "mov" | "webm" | "mkv";

// file-type reads at most this many bytes for its signatures (its `reasonableDetectionSizeInBytes`).
export const SNIFF_BYTES = 4100;

// The ISO base media brands accepted as MP4; HEIC/AVIF images, M4A audio and 3GP share the `ftyp` box.
const ACCEPTED: Record<string, VideoContainer> = {
  mp4: "mp4",
  m4v: "mp4",
  mov: "mov",
  webm: "webm",
  mkv: "mkv",
};

const MEDIA_TYPES: Record<VideoContainer, string> = {
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mkv: "video/x-matroska",
};

/**
 * Identifies the container from the file's first bytes, ignoring the declared type and name.
 * Returns null for anything but MP4/MOV (an `ftyp` box), WebM and Matroska.
 */
export async function detectVideoContainer(
  head: Uint8Array,
): Promise<{ container: VideoContainer; mediaType: string } | null> {
  const detected = await fileTypeFromBuffer(head);
  const container = detected ? ACCEPTED[detected.ext] : undefined;
  return container ? { container, mediaType: MEDIA_TYPES[container] } : null;
}
