import { Hono } from "hono";
import type { AppEnv } from "../../../core/context";
import { notFound } from "../../../core/errors";
import { validate } from "../../../core/validate";
import { findCompletedOutput } from "./completed-output";
import { outputParamsSchema } from "./params";

/** `GET /generations/:generationId/outputs/:index/thumbnail`: the JPEG taken at 1 s, 360 px wide. */
export const outputThumbnail = new Hono<AppEnv>().get(
  "/generations/:generationId/outputs/:index/thumbnail",
  validate("param", outputParamsSchema),
  async (c) => {
    const { generationId, index } = c.req.valid("param");
    const { output } = await findCompletedOutput(c, generationId, index);

    const object = await c.env.BUCKET.get(output.thumbnailKey);
    if (!object) throw notFound("Thumbnail");
    return new Response(object.body, {
      headers: {
        "Content-Type": "image/jpeg",
        "Content-Length": String(object.size),
        "Cache-Control": "private",
        ETag: object.httpEtag,
      },
    });
  },
);
