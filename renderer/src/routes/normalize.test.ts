import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorCode,
  ffprobe,
  fixture,
  grayFrame,
  post,
  postFile,
  startTestRenderer,
  type TestRenderer,
} from "../../test/helpers";

let renderer: TestRenderer;

beforeAll(async () => {
  renderer = await startTestRenderer();
});

afterAll(async () => {
  await renderer.stop();
});

const PORTRAIT = { width: 180, height: 320, fps: 30, videoBitrateKbps: 500 };

async function normalize(name: Parameters<typeof fixture>[0], spec: unknown) {
  const reply = await postFile(renderer.url, "/v1/normalize", fixture(name), spec);
  expect(reply.status, reply.body.toString("utf8").slice(0, 300)).toBe(200);
  return { reply, probed: await ffprobe(reply.body) };
}

describe("POST /v1/normalize", () => {
  it("encodes to the exact profile", async () => {
    const { reply, probed } = await normalize("landscape", PORTRAIT);
    const { video, audio } = probed;

    expect(reply.headers.get("content-type")).toBe("video/mp4");
    expect(Number(reply.headers.get("content-length"))).toBe(reply.body.length);
    expect(video.codec_name).toBe("h264");
    expect(video.profile).toBe("High");
    expect(video.pix_fmt).toBe("yuv420p");
    expect(video.width).toBe(180);
    expect(video.height).toBe(320);
    expect(video.sample_aspect_ratio).toBe("1:1");
    expect(video.r_frame_rate).toBe("30/1");
    expect(video.avg_frame_rate).toBe("30/1");
    expect(audio?.codec_name).toBe("aac");
    expect(audio?.sample_rate).toBe("48000");
    expect(audio?.channels).toBe(2);
  });

  it("keeps audio and video the clip's length", async () => {
    const { reply, probed } = await normalize("landscape", PORTRAIT);

    expect(Number(reply.headers.get("x-duration-seconds"))).toBeCloseTo(3, 2);
    expect(Number(probed.video.duration)).toBeCloseTo(3, 2);
    expect(Number(probed.audio?.duration)).toBeCloseTo(3, 2);
    expect(Number(probed.video.nb_frames)).toBe(90);
  });

  it("puts the moov atom first (faststart)", async () => {
    const { reply } = await normalize("portrait", PORTRAIT);
    const moov = reply.body.indexOf("moov");
    const mdat = reply.body.indexOf("mdat");

    expect(moov).toBeGreaterThan(0);
    expect(moov).toBeLessThan(mdat);
  });

  it("converts 25 fps to 24 fps", async () => {
    const { reply, probed } = await normalize("portrait", { ...PORTRAIT, fps: 24 });

    expect(probed.video.r_frame_rate).toBe("24/1");
    expect(Number(reply.headers.get("x-duration-seconds"))).toBeCloseTo(2.5, 1);
  });

  it("adds a silent track to a clip without audio", async () => {
    const { probed } = await normalize("silent", { width: 320, height: 180, fps: 30, videoBitrateKbps: 500 });

    expect(probed.video.r_frame_rate).toBe("30/1");
    expect(probed.audio?.codec_name).toBe("aac");
    expect(Number(probed.audio?.duration)).toBeCloseTo(2, 1);
  });

  it("pads an odd-sized clip to the exact frame", async () => {
    const { probed } = await normalize("odd", { width: 320, height: 320, fps: 30, videoBitrateKbps: 500 });

    expect(probed.video.width).toBe(320);
    expect(probed.video.height).toBe(320);
    expect(probed.video.pix_fmt).toBe("yuv420p");
    expect(probed.video.sample_aspect_ratio).toBe("1:1");
  });

  it("turns a rotated clip upright", async () => {
    const { reply, probed } = await normalize("rotated", PORTRAIT);
    const pixels = await grayFrame(reply.body, 1, 180, 320);
    const top = pixels[40 * 180 + 90] as number;
    const bottom = pixels[280 * 180 + 90] as number;

    // The coded picture's white left half is the top once turned 90° clockwise.
    expect(top).toBeGreaterThan(200);
    expect(bottom).toBeLessThan(50);
    expect(probed.video.side_data_list ?? []).toEqual([]);
  });

  it.each(["webm", "mkv"] as const)("accepts %s input", async (name) => {
    const { reply, probed } = await normalize(name, { width: 320, height: 180, fps: 30, videoBitrateKbps: 500 });

    expect(probed.video.width).toBe(320);
    expect(probed.video.avg_frame_rate).toBe("30/1");
    expect(probed.audio?.codec_name).toBe("aac");
    expect(Number(reply.headers.get("x-duration-seconds"))).toBeCloseTo(2, 1);
  });

  it("rejects a non-video body with 422", async () => {
    const reply = await postFile(renderer.url, "/v1/normalize", fixture("png"), PORTRAIT);

    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe("unsupported_media");
  });

  it.each([
    ["a missing spec", undefined],
    ["an odd width", { ...PORTRAIT, width: 181 }],
    ["an unknown field", { ...PORTRAIT, crf: 20 }],
    ["a missing bitrate", { width: 180, height: 320, fps: 30 }],
  ])("rejects %s with 400", async (_case, spec) => {
    const reply = await post(renderer.url, "/v1/normalize", Buffer.from("x"), spec === undefined ? {} : { spec });

    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("invalid_spec");
  });
});
