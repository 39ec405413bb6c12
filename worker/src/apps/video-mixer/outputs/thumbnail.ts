import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../../core/context";
import { notFound } from "../../../core/errors";
import { binaryContent, errorResponses, outputParams } from "../schemas";
import { findCompletedOutput } from "./completed-output";

export const outputThumbnailRoute = createRoute({
  method: "get",
  path: "/generations/{generationId}/outputs/{index}/thumbnail",
  tags: ["Video Mixer"],
  summary: "Get a rendered variant's thumbnail: a JPEG taken at 1 s, 360 px wide",
  request: { params: outputParams },
  responses: { 200: binaryContent("image/jpeg", "The thumbnail"), ...errorResponses(400, 401, 404) },
});

export const outputThumbnail: RouteHandler<typeof outputThumbnailRoute, AppEnv> = async (c) => {
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
};
