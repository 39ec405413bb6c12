import { generationOutputsPrefix } from "../service/storage";

/** R2 key of a rendered variant. Retries overwrite the same key, so no attempt leaves a copy behind. */
export function outputVideoKey(userId: string, generationId: string, index: number): string {
  return `${generationOutputsPrefix(userId, generationId)}${index}.mp4`;
}

export function outputThumbnailKey(userId: string, generationId: string, index: number): string {
  return `${generationOutputsPrefix(userId, generationId)}${index}.jpg`;
}

/** File name offered for download: `lumiku-1a2b3c4d-1.mp4`, numbered from 1 as users count. */
export function outputFileName(generationId: string, index: number): string {
  return `lumiku-${generationId.slice(0, 8)}-${index + 1}.mp4`;
}
