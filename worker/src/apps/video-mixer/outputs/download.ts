import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../core/context";
import { AppError, notFound } from "../../../core/errors";
import { binaryContent, errorResponses, outputParams } from "../schemas";
import { findCompletedOutput } from "./completed-output";
import { outputFileName } from "./keys";
import { parseRange } from "./range";

export const downloadOutputRoute = createRoute({
  method: "get",
  path: "/generations/{generationId}/outputs/{index}",
  tags: ["Video Mixer"],
  summary: "Download a rendered variant as MP4; a single byte range gets 206 so that players can seek",
  request: {
    params: outputParams,
    headers: z.object({
      range: z.string().optional().openapi({ description: "One byte range, e.g. `bytes=0-1023`; others are ignored" }),
    }),
  },
  responses: {
    200: binaryContent("video/mp4", "The whole MP4"),
    206: binaryContent("video/mp4", "The requested byte range of the MP4"),
    ...errorResponses(400, 401, 404, 416),
  },
});

/** Streams the MP4 from R2. */
export const downloadOutput: RouteHandler<typeof downloadOutputRoute, AppEnv> = async (c) => {
  const { generationId, index } = c.req.valid("param");
  const { generation, output } = await findCompletedOutput(c, generationId, index);

  const head = await c.env.BUCKET.head(output.objectKey);
  if (!head) throw notFound("Output file");
  const range = parseRange(c.req.valid("header").range, head.size);
  if (range === "unsatisfiable") {
    throw new AppError("range_not_satisfiable", `The range is outside the file of ${head.size} bytes`, undefined, {
      "Content-Range": `bytes */${head.size}`,
    });
  }

  // The etag condition keeps a range from being cut out of a newer copy than the one measured.
  const object = await c.env.BUCKET.get(output.objectKey, {
    ...(range ? { range } : {}),
    onlyIf: { etagMatches: head.etag },
  });
  if (!object || !("body" in object)) throw notFound("Output file");

  const headers = new Headers({
    "Content-Type": "video/mp4",
    "Content-Disposition": `attachment; filename="${outputFileName(generation.id, index)}"`,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private",
    ETag: head.httpEtag,
    "Content-Length": String(range ? range.length : head.size),
  });
  if (!range) return new Response(object.body, { status: 200, headers });

  headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${head.size}`);
  return new Response(object.body, { status: 206, headers });
};
