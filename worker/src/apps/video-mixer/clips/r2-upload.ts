import { AppError } from "../../../core/errors";
import { logger } from "../../../core/logger";

// R2 wants every part but the last to have the same size, at least 5 MiB. Buffering one 10 MiB
// part at a time bounds the memory an upload holds.
export const R2_PART_SIZE = 10 * 1024 * 1024;

export interface StreamUploadOptions {
  /** Bytes allowed in total; one more aborts the upload with 413. */
  maxBytes: number;
  contentType: string;
  /** Wording for the 413 message, e.g. "The clip". */
  subject: string;
  partSize?: number;
}

/**
 * Streams `chunks` into a new object through an R2 multipart upload and returns its size. The
 * upload is aborted on any error, including a source longer than `maxBytes`, so no partial
 * object is left behind.
 */
export async function uploadStreamInParts(
  bucket: R2Bucket,
  key: string,
  chunks: AsyncIterable<Uint8Array>,
  options: StreamUploadOptions,
): Promise<number> {
  const partSize = options.partSize ?? R2_PART_SIZE;
  const upload = await bucket.createMultipartUpload(key, { httpMetadata: { contentType: options.contentType } });
  const parts: R2UploadedPart[] = [];
  let buffer: Uint8Array | null = null;
  let filled = 0;
  let size = 0;

  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > options.maxBytes) {
        throw new AppError(
          "payload_too_large",
          `${options.subject} is larger than the ${formatMebibytes(options.maxBytes)} limit`,
          { maxBytes: options.maxBytes },
        );
      }

      let offset = 0;
      while (offset < chunk.length) {
        buffer ??= new Uint8Array(partSize);
        const length = Math.min(partSize - filled, chunk.length - offset);
        buffer.set(chunk.subarray(offset, offset + length), filled);
        filled += length;
        offset += length;
        if (filled === partSize) {
          parts.push(await upload.uploadPart(parts.length + 1, buffer));
          filled = 0;
        }
      }
    }

    // The last part may be shorter; an empty source still needs one (empty) part to complete.
    if (filled > 0 || parts.length === 0) {
      parts.push(await upload.uploadPart(parts.length + 1, (buffer ?? new Uint8Array(0)).subarray(0, filled)));
    }
    await upload.complete(parts);
    return size;
  } catch (error) {
    await upload.abort().catch((abortError: unknown) => {
      // The uploaded parts stay stored until the upload is aborted later, e.g. by a bucket lifecycle rule.
      logger.warn("aborting an R2 multipart upload failed", { key, error: abortError });
    });
    throw error;
  }
}

function formatMebibytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}
