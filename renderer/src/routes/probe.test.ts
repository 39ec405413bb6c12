import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, fixture, postFile, startTestRenderer, type TestRenderer } from "../../test/helpers";

let renderer: TestRenderer;

beforeAll(async () => {
  renderer = await startTestRenderer();
});

afterAll(async () => {
  await renderer.stop();
});

async function probe(name: Parameters<typeof fixture>[0]) {
  const reply = await postFile(renderer.url, "/v1/probe", fixture(name));
  return { status: reply.status, body: JSON.parse(reply.body.toString("utf8")) };
}

describe("POST /v1/probe", () => {
  it("describes an MP4 with audio", async () => {
    const { status, body } = await probe("landscape");

    expect(status).toBe(200);
    expect(body).toEqual({
      container: "mp4",
      durationSeconds: 3,
      width: 1280,
      height: 720,
      rotation: 0,
      fps: 30,
      videoCodec: "h264",
      audioCodec: "aac",
      hasAudio: true,
    });
  });

  it("reports a silent clip without audio", async () => {
    const { body } = await probe("silent");

    expect(body.hasAudio).toBe(false);
    expect(body.audioCodec).toBeNull();
    expect(body.fps).toBe(60);
  });

  it("reports coded size and rotation", async () => {
    const { body } = await probe("rotated");

    expect(body.width).toBe(1280);
    expect(body.height).toBe(720);
    expect(body.rotation).toBe(90);
  });

  it("tells WebM from Matroska", async () => {
    const webm = await probe("webm");
    const mkv = await probe("mkv");

    expect(webm.body).toMatchObject({ container: "webm", videoCodec: "vp8", audioCodec: "opus", fps: 24 });
    expect(mkv.body).toMatchObject({ container: "mkv", videoCodec: "h264", audioCodec: "vorbis" });
    expect(webm.body.durationSeconds).toBeCloseTo(2, 1);
  });

  it("reports odd dimensions as they are", async () => {
    const { body } = await probe("odd");

    expect(body.width).toBe(853);
    expect(body.height).toBe(479);
  });

  it.each(["png", "text", "svg"] as const)("rejects a %s file with 422", async (name) => {
    const reply = await postFile(renderer.url, "/v1/probe", fixture(name));

    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe("unsupported_media");
  });
});
