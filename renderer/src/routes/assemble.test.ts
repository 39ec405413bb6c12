import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  encodeSpec,
  errorCode,
  ffprobe,
  fixture,
  post,
  postFile,
  rawRequest,
  SECRET,
  startTestRenderer,
  type TestRenderer,
} from "../../test/helpers";

const PROFILE = { width: 320, height: 180, fps: 30, videoBitrateKbps: 500 };
const METADATA = { encoder: "CapCut", comment: "Made with CapCut" };
const THUMBNAIL = { atSeconds: 1, width: 160 };

let renderer: TestRenderer;
/** Normalized clips of about 3, 2.5, 2 and 2 seconds. The 2nd came from a 25 fps portrait and the 3rd had no audio. */
let segments: Buffer[];
let lengths: number[];

beforeAll(async () => {
  renderer = await startTestRenderer();
  const sources = ["landscape", "portrait", "silent", "odd"] as const;
  const replies = [];
  for (const source of sources) {
    const reply = await postFile(renderer.url, "/v1/normalize", fixture(source), PROFILE);
    expect(reply.status).toBe(200);
    replies.push(reply);
  }
  segments = replies.map((reply) => reply.body);
  lengths = replies.map((reply) => Number(reply.headers.get("x-duration-seconds")));
});

afterAll(async () => {
  await renderer.stop();
});

interface SegmentOptions {
  trimStart?: number;
  trimDuration?: number | null;
  speed?: number;
}

function assembleSpec(options: {
  segments?: SegmentOptions[];
  audio?: "keep" | "mute";
  durationSeconds?: number | null;
  thumbnail?: { atSeconds: number; width: number };
}) {
  return {
    segments: segments.map((bytes, i) => ({
      bytes: bytes.length,
      trimStart: 0,
      trimDuration: null,
      speed: 1,
      ...options.segments?.[i],
    })),
    output: {
      ...PROFILE,
      audio: options.audio ?? "keep",
      durationSeconds: options.durationSeconds ?? null,
      metadata: METADATA,
    },
    thumbnail: options.thumbnail ?? THUMBNAIL,
  };
}

/** Posts the four segments and splits the reply into the JPEG and the MP4. */
async function assemble(spec: ReturnType<typeof assembleSpec>) {
  const reply = await post(renderer.url, "/v1/assemble", Buffer.concat(segments), { spec });
  expect(reply.status, reply.body.toString("utf8").slice(0, 300)).toBe(200);

  const thumbnailBytes = Number(reply.headers.get("x-thumbnail-bytes"));
  const jpeg = reply.body.subarray(0, thumbnailBytes);
  const mp4 = reply.body.subarray(thumbnailBytes);
  return { reply, jpeg, mp4, probed: await ffprobe(mp4), thumbnail: await ffprobe(jpeg, "jpg") };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe("POST /v1/assemble", () => {
  it("joins whole segments by stream copy", async () => {
    const { reply, probed, mp4 } = await assemble(assembleSpec({}));
    const expected = sum(lengths);

    expect(reply.headers.get("x-render-mode")).toBe("copy");
    expect(reply.headers.get("content-type")).toBe("application/octet-stream");
    expect(Number(reply.headers.get("content-length"))).toBe(reply.body.length);
    expect(Number(reply.headers.get("x-duration-seconds"))).toBeCloseTo(expected, 1);
    expect(Math.abs(Number(probed.video.duration) - expected)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(Number(probed.audio?.duration) - expected)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(Number(probed.format.duration) - expected)).toBeLessThanOrEqual(0.1);
    expect(probed.video.width).toBe(320);
    expect(probed.video.height).toBe(180);
    expect(probed.video.avg_frame_rate).toBe("30/1");
    expect(probed.audio?.codec_name).toBe("aac");
    expect(probed.format.tags?.encoder).toBe("CapCut");
    expect(probed.format.tags?.comment).toBe("Made with CapCut");
    expect(mp4.includes("Lavf")).toBe(false);
    expect(mp4.includes("Lavc")).toBe(false);
  });

  it("sends a JPEG thumbnail of the requested width first", async () => {
    const { jpeg, thumbnail } = await assemble(assembleSpec({}));

    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(thumbnail.video.codec_name).toBe("mjpeg");
    expect(thumbnail.video.width).toBe(160);
    expect(thumbnail.video.height).toBe(90);
  });

  it("clamps a thumbnail time past the end", async () => {
    const { thumbnail } = await assemble(assembleSpec({ thumbnail: { atSeconds: 999, width: 120 } }));

    expect(thumbnail.video.width).toBe(120);
  });

  it("drops audio when muted by copy", async () => {
    const { reply, probed } = await assemble(assembleSpec({ audio: "mute" }));

    expect(reply.headers.get("x-render-mode")).toBe("copy");
    expect(probed.audio).toBeUndefined();
    expect(Math.abs(Number(probed.video.duration) - sum(lengths))).toBeLessThanOrEqual(0.1);
  });

  it("re-encodes trims, speeds and a length cut", async () => {
    const cuts: SegmentOptions[] = [
      { trimStart: 0.5, trimDuration: 2, speed: 1.5 },
      { trimStart: 0, trimDuration: null, speed: 0.5 },
      { trimStart: 1, trimDuration: null, speed: 1 },
      { trimStart: 0, trimDuration: 1.2, speed: 2 },
    ];
    const played = 2 / 1.5 + (lengths[1] as number) / 0.5 + ((lengths[2] as number) - 1) + 1.2 / 2;
    expect(played).toBeGreaterThan(7);

    const { reply, probed, mp4 } = await assemble(assembleSpec({ segments: cuts, durationSeconds: 7 }));

    expect(reply.headers.get("x-render-mode")).toBe("reencode");
    expect(Number(reply.headers.get("x-duration-seconds"))).toBeCloseTo(7, 1);
    expect(Math.abs(Number(probed.video.duration) - 7)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(Number(probed.audio?.duration) - 7)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(Number(probed.format.duration) - 7)).toBeLessThanOrEqual(0.1);
    expect(probed.video.width).toBe(320);
    expect(probed.video.height).toBe(180);
    expect(probed.video.avg_frame_rate).toBe("30/1");
    expect(probed.video.profile).toBe("High");
    expect(probed.format.tags?.encoder).toBe("CapCut");
    expect(probed.format.tags?.comment).toBe("Made with CapCut");
    expect(mp4.includes("Lavf")).toBe(false);
    expect(mp4.includes("Lavc")).toBe(false);
  });

  it("re-encodes to the played length without a cut", async () => {
    const cuts: SegmentOptions[] = [{ speed: 2 }, { trimStart: 0.5, trimDuration: 1 }, { speed: 0.8 }, { speed: 1.25 }];
    const [a, , c, d] = lengths as [number, number, number, number];
    const expected = a / 2 + 1 + c / 0.8 + d / 1.25;

    const { probed } = await assemble(assembleSpec({ segments: cuts }));

    expect(Math.abs(Number(probed.video.duration) - expected)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(Number(probed.audio?.duration) - expected)).toBeLessThanOrEqual(0.1);
  });

  it("re-encodes muted output without audio", async () => {
    const { reply, probed } = await assemble(assembleSpec({ audio: "mute", durationSeconds: 5 }));

    expect(reply.headers.get("x-render-mode")).toBe("reencode");
    expect(probed.audio).toBeUndefined();
    expect(Math.abs(Number(probed.video.duration) - 5)).toBeLessThanOrEqual(0.1);
  });

  it("re-encodes segments that do not match the profile", async () => {
    // A raw 640×480 60 fps clip without audio cannot be stream-copied into a 320×180 30 fps output.
    const raw = await readFile(fixture("silent"));
    const parts = [segments[0] as Buffer, raw];
    const spec = {
      ...assembleSpec({}),
      segments: parts.map((bytes) => ({ bytes: bytes.length, trimStart: 0, trimDuration: null, speed: 1 })),
    };

    const reply = await post(renderer.url, "/v1/assemble", Buffer.concat(parts), { spec });
    const mp4 = reply.body.subarray(Number(reply.headers.get("x-thumbnail-bytes")));
    const probed = await ffprobe(mp4);
    const expected = (lengths[0] as number) + 2;

    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-render-mode")).toBe("reencode");
    expect(probed.video.width).toBe(320);
    expect(probed.video.height).toBe(180);
    expect(probed.video.avg_frame_rate).toBe("30/1");
    expect(probed.audio?.codec_name).toBe("aac");
    expect(Math.abs(Number(probed.video.duration) - expected)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(Number(probed.audio?.duration) - expected)).toBeLessThanOrEqual(0.1);
  });

  it("rejects a body shorter than the segments with 400", async () => {
    const spec = assembleSpec({});
    const body = Buffer.concat(segments).subarray(1);

    const reply = await post(renderer.url, "/v1/assemble", body, { spec });

    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("invalid_spec");
  });

  it("rejects a chunked body longer than the segments with 400", async () => {
    const spec = assembleSpec({});
    const headers = { authorization: `Bearer ${SECRET}`, "x-render-spec": encodeSpec(spec) };

    const reply = await rawRequest(renderer.url, "/v1/assemble", headers, (write, end) => {
      write(Buffer.concat(segments));
      write(Buffer.from("one byte too many"));
      end();
    });

    expect(reply?.status).toBe(400);
    expect(JSON.parse(reply?.body ?? "{}").error.code).toBe("invalid_spec");
  });

  it("rejects a trim past the segment's end with 400", async () => {
    const spec = assembleSpec({ segments: [{ trimStart: 10 }] });

    const reply = await post(renderer.url, "/v1/assemble", Buffer.concat(segments), { spec });

    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("invalid_spec");
  });

  it.each([
    ["a speed above 2", { segments: [{ bytes: 1, speed: 2.5 }] }],
    ["no segments", { segments: [] }],
  ])("rejects %s with 400", async (_case, override) => {
    const spec = { ...assembleSpec({}), ...override };

    const reply = await post(renderer.url, "/v1/assemble", Buffer.from("x"), { spec });

    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe("invalid_spec");
  });

  it("rejects a segment that is not a video with 422", async () => {
    const junk = Buffer.from("not a video at all");
    const spec = {
      ...assembleSpec({}),
      segments: [{ bytes: junk.length, trimStart: 0, trimDuration: null, speed: 1 }],
    };

    const reply = await post(renderer.url, "/v1/assemble", junk, { spec });

    expect(reply.status).toBe(422);
    expect(errorCode(reply)).toBe("unsupported_media");
  });
});
