import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { downloadZip } from "client-zip";
import type { AppEnv } from "../../../core/context";
import { notFound } from "../../../core/errors";
import { getDb } from "../../../db/client";
import { MissingObjectError } from "../../../renderer/normalize";
import { listOutputs } from "../generations/lifecycle";
import { findOwnedGeneration } from "../generations/queries";
import { binaryContent, errorResponses, generationParams } from "../schemas";
import { outputFileName } from "./keys";

export const downloadZipRoute = createRoute({
  method: "get",
  path: "/generations/{generationId}/zip",
  tags: ["Video Mixer"],
  summary: "Download every completed output of a generation in one ZIP",
  request: { params: generationParams },
  responses: {
    200: binaryContent("application/zip", "A stored (uncompressed) ZIP of the completed MP4s"),
    ...errorResponses(400, 401, 404),
  },
});

/**
 * Streams every completed output in one stored (uncompressed) ZIP. Each MP4 is fetched from R2
 * only when the archive reaches it, so memory stays flat.
 * NOTE: client-zip computes CRC-32 in JavaScript, about a second of CPU per few hundred MB, so
 * very large generations may need a raised CPU limit.
 */
export const downloadZipOfOutputs: RouteHandler<typeof downloadZipRoute, AppEnv> = async (c) => {
  const { generationId } = c.req.valid("param");
  const generation = await findOwnedGeneration(getDb(c.env.DB), c.get("user").id, generationId);
  const completed = (await listOutputs(c.env, generation.id)).filter(
    (output) => output.status === "completed" && output.objectKey,
  );
  if (completed.length === 0) throw notFound("Completed output");

  // Sizes come from R2 rather than the rows so that the predicted Content-Length is exact.
  const entries = await Promise.all(
    completed.map(async (output) => {
      const key = output.objectKey as string;
      const head = await c.env.BUCKET.head(key);
      if (!head) throw notFound(`File of output ${output.index}`);
      return { key, name: outputFileName(generation.id, output.index), size: head.size, lastModified: head.uploaded };
    }),
  );

  const bucket = c.env.BUCKET;
  async function* files() {
    for (const entry of entries) {
      const object = await bucket.get(entry.key);
      if (!object) throw new MissingObjectError(entry.key);
      yield { name: entry.name, lastModified: entry.lastModified, size: entry.size, input: object.body };
    }
  }

  const zip = downloadZip(files(), { metadata: entries });
  const headers = new Headers({
    "Content-Type": "application/zip",
    "Content-Disposition": `attachment; filename="lumiku-${generation.id.slice(0, 8)}.zip"`,
    "Cache-Control": "private",
  });
  const length = zip.headers.get("content-length");
  if (length) headers.set("Content-Length", length);
  return new Response(zip.body, { headers });
};
