import { describe, expect, it } from "vitest";
import { call } from "../../../test/http";
import { videoMixerRoutes } from "./routes";

const PATHS = [
  "/clips/{clipId}",
  "/generations/{generationId}",
  "/generations/{generationId}/outputs/{index}",
  "/generations/{generationId}/outputs/{index}/thumbnail",
  "/generations/{generationId}/zip",
  "/groups/{groupId}",
  "/projects",
  "/projects/{projectId}",
  "/projects/{projectId}/clips",
  "/projects/{projectId}/estimate",
  "/projects/{projectId}/generations",
  "/projects/{projectId}/groups",
];

function mediaTypes(response: unknown): string[] {
  return Object.keys((response as { content?: Record<string, unknown> } | undefined)?.content ?? {});
}

describe("video mixer OpenAPI document", () => {
  it("describes every route", () => {
    const document = videoMixerRoutes.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Lumiku API", version: "test" },
    });

    expect(Object.keys(document.paths ?? {}).sort()).toEqual(PATHS);
    const upload = document.paths?.["/projects/{projectId}/clips"]?.post;
    expect(
      Object.keys(upload?.requestBody && "content" in upload.requestBody ? upload.requestBody.content : {}),
    ).toEqual(["multipart/form-data"]);
    expect(document.components?.schemas).toHaveProperty("VideoMixerClip");
    expect(document.components?.schemas).toHaveProperty("VideoMixerGeneration");
  });

  it("describes estimate problems by code", () => {
    const { components } = videoMixerRoutes.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Lumiku API", version: "test" },
    });

    const problem = components?.schemas?.VideoMixerProblem as {
      required?: string[];
      properties?: Record<string, { enum?: string[] }>;
    };
    expect(problem.required).toEqual(["code", "message", "params"]);
    expect(problem.properties?.code?.enum).toContain("too_many_variants");
    expect(problem.properties?.code?.enum).toContain("insufficient_credits");
    const estimate = components?.schemas?.VideoMixerEstimate as { properties?: Record<string, unknown> };
    expect(estimate.properties?.problems).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/VideoMixerProblem" },
    });
  });

  it("describes generations and binary downloads", () => {
    const { paths } = videoMixerRoutes.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "Lumiku API", version: "test" },
    });

    expect(Object.keys(paths?.["/projects/{projectId}/generations"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths?.["/projects/{projectId}/generations"]?.post?.responses ?? {})).toContain("202");
    const download = paths?.["/generations/{generationId}/outputs/{index}"]?.get?.responses;
    expect(mediaTypes(download?.["200"])).toEqual(["video/mp4"]);
    expect(mediaTypes(download?.["206"])).toEqual(["video/mp4"]);
    expect(Object.keys(download ?? {})).toContain("416");
    const thumbnail = paths?.["/generations/{generationId}/outputs/{index}/thumbnail"]?.get?.responses;
    expect(mediaTypes(thumbnail?.["200"])).toEqual(["image/jpeg"]);
    const zip = paths?.["/generations/{generationId}/zip"]?.get?.responses;
    expect(mediaTypes(zip?.["200"])).toEqual(["application/zip"]);
  });

  it("appears whole in /api/openapi.json", async () => {
    const response = await call("/api/openapi.json");

    expect(response.status).toBe(200);
    const documented = Object.keys(response.body.paths);
    for (const path of PATHS) expect(documented).toContain(`/api/apps/video-mixer${path}`);
  });
});
