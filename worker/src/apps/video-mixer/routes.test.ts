import { describe, expect, it } from "vitest";
import { videoMixerRoutes } from "./routes";

describe("video mixer OpenAPI document", () => {
  it("describes every route", () => {
    const document = videoMixerRoutes.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Lumiku API", version: "test" },
    });

    expect(Object.keys(document.paths ?? {}).sort()).toEqual([
      "/clips/{clipId}",
      "/groups/{groupId}",
      "/projects",
      "/projects/{projectId}",
      "/projects/{projectId}/clips",
      "/projects/{projectId}/estimate",
      "/projects/{projectId}/groups",
    ]);
    const upload = document.paths?.["/projects/{projectId}/clips"]?.post;
    expect(
      Object.keys(upload?.requestBody && "content" in upload.requestBody ? upload.requestBody.content : {}),
    ).toEqual(["multipart/form-data"]);
    expect(document.components?.schemas).toHaveProperty("VideoMixerClip");
  });
});
