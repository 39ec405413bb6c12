import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { MaxHeaderSizeExceededError, MaxPartsExceededError, MultipartParseError } from "@remix-run/multipart-parser";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../../core/context";
import { AppError } from "../../../core/errors";
import type { Logger } from "../../../core/logger";
import { rateLimit } from "../../../core/middleware/rate-limit";
import { type Database, getDb, schema } from "../../../db/client";
import { isUnplayableVideo, type ProbeResult, probeStoredVideo } from "../../../renderer/probe";
import { clipSchema, errorResponses, jsonContent, projectParams, uploadClipBodyDoc } from "../schemas";
import { nextPositionSql, toClip } from "../service/clips";
import { assertGroupInProject } from "../service/groups";
import { loadOwnedProject } from "../service/projects";
import { clipObjectKey } from "../service/storage";
import { sanitizeFileName } from "./file-name";
import { formDataBoundary, readMultipartStream, type StreamedPart } from "./multipart-stream";
import { uploadStreamInParts } from "./r2-upload";
import { detectVideoContainer, SNIFF_BYTES, type VideoContainer } from "./video-type";

export const MAX_CLIP_BYTES = 100 * 1024 * 1024;

// Room for the multipart framing and the small fields around the file.
const MAX_REQUEST_BYTES = MAX_CLIP_BYTES + 64 * 1024;

const MULTIPART_LIMITS = { maxHeaderSize: 8 * 1024, maxParts: 10 };
const MAX_FIELD_BYTES = 200;
const SUPPORTED = "Upload an MP4, MOV, WebM or MKV video.";

const uploadRateLimit = rateLimit({
  binding: (env) => env.UPLOAD_LIMITER,
  key: (c) => `video-mixer-upload:user:${c.get("user").id}`,
  retryAfterSeconds: 60,
});

/**
 * Rejects a declared Content-Length above the limit before any byte is read. A missing or
 * malformed header proves nothing, so the upload counts the bytes it actually receives too.
 */
function rejectDeclaredOversize(maxBytes: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
      throw new AppError("payload_too_large", "The clip is larger than the 100 MiB limit", {
        maxBytes: MAX_CLIP_BYTES,
      });
    }
    await next();
  });
}

export const uploadClipRoute = createRoute({
  method: "post",
  path: "/projects/{projectId}/clips",
  tags: ["Video Mixer"],
  summary: "Upload a video clip (multipart/form-data, field `file`, optional `groupId`)",
  middleware: [uploadRateLimit, rejectDeclaredOversize(MAX_REQUEST_BYTES)] as const,
  request: {
    params: projectParams,
    body: { required: true, content: { "multipart/form-data": { schema: uploadClipBodyDoc } } },
  },
  responses: {
    201: jsonContent(clipSchema, "The stored clip with the metadata the renderer found"),
    ...errorResponses(400, 401, 404, 413, 415, 429, 503),
  },
});

interface StoredFile {
  fileName: string;
  sizeBytes: number;
  container: VideoContainer;
}

/**
 * Streams the upload into R2 while parsing it, checks the content from its first bytes, probes
 * the stored file once through the renderer and records the clip. Every failure after the
 * object was written deletes it again.
 */
export const uploadClip: RouteHandler<typeof uploadClipRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);

  const boundary = formDataBoundary(c.req.header("content-type"));
  if (!boundary) {
    throw new AppError(
      "unsupported_media_type",
      "Send the clip as multipart/form-data with the video in a field named `file`",
    );
  }

  const clipId = crypto.randomUUID();
  const key = clipObjectKey(user.id, projectId, clipId);
  const log = c.get("log");
  let file: StoredFile | null = null;
  let groupId: string | null = null;

  try {
    const body = c.req.raw.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    for await (const part of readMultipartStream(body, boundary, MULTIPART_LIMITS)) {
      if (part.name === "file") {
        if (file) throw new AppError("invalid_request", "Send one file per upload");
        file = await storeFile(c.env.BUCKET, key, part);
      } else if (part.name === "groupId") {
        groupId = (await readField(part, "groupId")).trim() || null;
        if (groupId !== null) await assertGroupInProject(db, projectId, groupId);
      }
      // Other fields are skipped unread.
    }
  } catch (error) {
    if (file) await deleteQuietly(c.env.BUCKET, key, log);
    throw toUploadError(error);
  }

  if (!file) {
    throw new AppError("invalid_request", "The upload has no file; send the video in a field named `file`");
  }

  try {
    const probe = await probeUpload(c.env, key, log);
    const clip = await insertClip(db, { id: clipId, projectId, groupId, key, file, probe });
    return c.json(toClip(clip), 201);
  } catch (error) {
    await deleteQuietly(c.env.BUCKET, key, log);
    throw error;
  }
};

/** Checks the first bytes of the file part, then streams the whole part into R2. */
async function storeFile(bucket: R2Bucket, key: string, part: StreamedPart): Promise<StoredFile> {
  const iterator = part.body[Symbol.asyncIterator]();
  const headPieces: Uint8Array[] = [];
  let headLength = 0;
  let exhausted = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    headPieces.push(next.value);
    headLength += next.value.length;
  }

  const head = new Uint8Array(headLength);
  let offset = 0;
  for (const piece of headPieces) {
    head.set(piece, offset);
    offset += piece.length;
  }

  const detected = await detectVideoContainer(head);
  if (!detected) {
    throw new AppError(
      "unsupported_media_type",
      `The file is not a supported video: its content is not MP4, MOV, WebM or MKV, whatever its name says. ${SUPPORTED}`,
    );
  }

  async function* content() {
    yield head;
    if (exhausted) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }

  const sizeBytes = await uploadStreamInParts(bucket, key, content(), {
    maxBytes: MAX_CLIP_BYTES,
    contentType: detected.mediaType,
    subject: "The clip",
  });
  return { fileName: sanitizeFileName(part.filename), sizeBytes, container: detected.container };
}

async function readField(part: StreamedPart, name: string): Promise<string> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of part.body) {
    length += piece.length;
    if (length > MAX_FIELD_BYTES)
      throw new AppError("invalid_request", `The ${name} field is longer than ${MAX_FIELD_BYTES} bytes`);
    pieces.push(piece);
  }
  const decoder = new TextDecoder();
  return pieces.map((piece) => decoder.decode(piece, { stream: true })).join("") + decoder.decode();
}

/** Runs the renderer's probe and maps its failures to the status and message the client gets. */
async function probeUpload(env: AppEnv["Bindings"], key: string, log: Logger): Promise<ProbeResult> {
  let probe: ProbeResult;
  try {
    probe = await probeStoredVideo(env, key);
  } catch (error) {
    if (isUnplayableVideo(error)) {
      throw new AppError(
        "unsupported_media_type",
        `The file is not a playable video: no video stream could be decoded. ${SUPPORTED}`,
      );
    }
    log.error("clip probe failed", { key, error });
    throw new AppError(
      "service_unavailable",
      "The video could not be checked because the renderer is unavailable; try again in a minute",
    );
  }
  if (probe.durationSeconds <= 0) {
    throw new AppError("unsupported_media_type", `The file is not a playable video: it has no duration. ${SUPPORTED}`);
  }
  return probe;
}

async function insertClip(
  db: Database,
  input: { id: string; projectId: string; groupId: string | null; key: string; file: StoredFile; probe: ProbeResult },
) {
  const { probe, file } = input;
  const [row] = await db
    .insert(schema.videoMixerClips)
    .values({
      id: input.id,
      projectId: input.projectId,
      groupId: input.groupId,
      position: nextPositionSql(input.projectId, input.groupId),
      fileName: file.fileName,
      objectKey: input.key,
      container: probe.container,
      sizeBytes: file.sizeBytes,
      durationSeconds: probe.durationSeconds,
      width: probe.width,
      height: probe.height,
      rotation: probe.rotation,
      fps: probe.fps,
      videoCodec: probe.videoCodec,
      audioCodec: probe.audioCodec,
      hasAudio: probe.hasAudio,
    })
    .returning();
  return row as NonNullable<typeof row>;
}

async function deleteQuietly(bucket: R2Bucket, key: string, log: Logger) {
  try {
    await bucket.delete(key);
  } catch (error) {
    log.error("deleting a rejected upload failed; the object is orphaned", { key, error });
  }
}

/** Maps parser errors to 400/413; AppErrors and unexpected errors pass through unchanged. */
function toUploadError(error: unknown): unknown {
  if (error instanceof MaxPartsExceededError) {
    return new AppError("invalid_request", `The upload has more than ${MULTIPART_LIMITS.maxParts} fields`);
  }
  if (error instanceof MaxHeaderSizeExceededError) {
    return new AppError("invalid_request", "A multipart part header is longer than 8 KiB");
  }
  if (error instanceof MultipartParseError) {
    return new AppError("invalid_request", `The multipart body is malformed: ${error.message}`);
  }
  return error;
}
