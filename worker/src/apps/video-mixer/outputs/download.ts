import { Hono } from "hono";
import type { AppEnv } from "../../../core/context";
import { AppError, notFound } from "../../../core/errors";
import { validate } from "../../../core/validate";
import { findCompletedOutput } from "./completed-output";
import { outputFileName } from "./keys";
import { outputParamsSchema } from "./params";
import { parseRange } from "./range";

/**
 * `GET /generations/:generationId/outputs/:index`: the MP4 streamed from R2. A single byte
 * range gets 206 with that part, so that a `<video>` element can seek.
 */
export const downloadOutput = new Hono<AppEnv>().get(
  "/generations/:generationId/outputs/:index",
  validate("param", outputParamsSchema),
  async (c) => {
    const { generationId, index } = c.req.valid("param");
    const { generation, output } = await findCompletedOutput(c, generationId, index);

    const head = await c.env.BUCKET.head(output.objectKey);
    if (!head) throw notFound("Output file");
    const range = parseRange(c.req.header("range"), head.size);
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
  },
);
