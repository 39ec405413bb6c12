import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, callWithEnv } from "../../../../test/http";
import { createGroup, createProject, signUpFresh, uploadClip, videoFixture } from "../../../../test/video-mixer-clips";
import { MAX_CLIP_BYTES } from "./upload";

const encoder = new TextEncoder();

async function objectsUnder(prefix: string): Promise<string[]> {
  const listed = await env.BUCKET.list({ prefix });
  return listed.objects.map((object) => object.key);
}

async function setup() {
  const { cookie, user } = await signUpFresh();
  const projectId = await createProject(cookie);
  return { cookie, userId: user.id, projectId, prefix: `clips/${user.id}/${projectId}/` };
}

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49,
  0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Builds an `ftyp` box that passes the content check, followed by bytes no decoder understands. */
function fakeMp4(): Uint8Array {
  const ftyp = Uint8Array.from([0, 0, 0, 24, ...encoder.encode("ftypisom"), 0, 0, 2, 0, ...encoder.encode("isomiso2")]);
  return concatBytes(ftyp, encoder.encode("this is not a movie at all ".repeat(20)));
}

/**
 * Streams a multipart body in 1 MiB chunks: the real MP4's first bytes, then zeros up to
 * `fileBytes`, so the content check passes and only the size decides.
 */
function streamedUpload(fileBytes: number) {
  const boundary = "----lumikuTestBoundary7MA4YWxkTrZu0gW";
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const start = videoFixture("mp4").subarray(0, 4096);
  const chunk = new Uint8Array(1024 * 1024);
  let sent = 0;
  let stage: "head" | "file" | "tail" | "done" = "head";

  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === "head") {
        controller.enqueue(concatBytes(head, start));
        sent = start.length;
        stage = "file";
      } else if (stage === "file") {
        const length = Math.min(chunk.length, fileBytes - sent);
        if (length > 0) controller.enqueue(chunk.subarray(0, length));
        sent += length;
        if (sent >= fileBytes) stage = "tail";
      } else if (stage === "tail") {
        controller.enqueue(tail);
        stage = "done";
      } else {
        controller.close();
      }
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("clip upload", () => {
  it("stores a real MP4 with probed metadata", async () => {
    const { cookie, userId, projectId, prefix } = await setup();
    const bytes = videoFixture("mp4");

    const response = await uploadClip(cookie, projectId, bytes, { fileName: "produk utama.mp4" });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      projectId,
      groupId: null,
      position: 0,
      fileName: "produk utama.mp4",
      sizeBytes: bytes.length,
      container: "mp4",
      width: 320,
      height: 240,
      rotation: 0,
      fps: 25,
      videoCodec: "h264",
      audioCodec: "aac",
      hasAudio: true,
    });
    expect(response.body.durationSeconds).toBeGreaterThan(0.9);
    expect(response.body.durationSeconds).toBeLessThan(1.2);

    const stored = await env.BUCKET.get(`clips/${userId}/${projectId}/${response.body.id}`);
    expect(stored?.httpMetadata?.contentType).toBe("video/mp4");
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
    expect(await objectsUnder(prefix)).toHaveLength(1);
  });

  it("stores a WebM without audio", async () => {
    const { cookie, projectId } = await setup();
    const response = await uploadClip(cookie, projectId, videoFixture("webm"), { fileName: "vertical.webm" });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      container: "webm",
      width: 240,
      height: 320,
      hasAudio: false,
      audioCodec: null,
    });
  });

  it("puts the clip in the given group, appended", async () => {
    const { cookie, projectId } = await setup();
    const groupId = await createGroup(cookie, projectId, "Hook");

    const first = await uploadClip(cookie, projectId, videoFixture("mp4"), { groupId });
    const second = await uploadClip(cookie, projectId, videoFixture("mp4"), { groupId });

    expect(first.body).toMatchObject({ groupId, position: 0 });
    expect(second.body).toMatchObject({ groupId, position: 1 });
  });

  it("keeps only a safe display name", async () => {
    const { cookie, projectId } = await setup();
    const response = await uploadClip(cookie, projectId, videoFixture("mp4"), {
      fileName: "C:\\Users\\me\\..\\evil\u0007\u202Ename.mp4",
    });

    expect(response.status).toBe(201);
    expect(response.body.fileName).toBe("evilname.mp4");
  });

  it("deletes the object and the row on DELETE", async () => {
    const { cookie, userId, projectId } = await setup();
    const upload = await uploadClip(cookie, projectId, videoFixture("mp4"));
    const key = `clips/${userId}/${projectId}/${upload.body.id}`;
    const normalized = `normalized/${upload.body.id}/720x1280-30-2500.mp4`;
    await env.BUCKET.put(normalized, "normalized copy");

    const response = await call(`/api/apps/video-mixer/clips/${upload.body.id}`, { method: "DELETE", cookie });

    expect(response.status).toBe(204);
    expect(await env.BUCKET.head(key)).toBeNull();
    expect(await env.BUCKET.head(normalized)).toBeNull();
    const list = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, { cookie });
    expect(list.body.items).toEqual([]);
  });
});

describe("clip upload content check", () => {
  const disguised: [string, Uint8Array | string][] = [
    ["PNG", PNG],
    ["JPEG", JPEG],
    ["plain text", "just some text, definitely not a video\n".repeat(10)],
    ["SVG", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["HTML", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"],
    ["GIF/HTML polyglot", "GIF89a/*<html><script>alert(1)</script></html>*/"],
    ["PNG with an MP4 appended", concatBytes(PNG, videoFixture("mp4"))],
    ["empty file", ""],
  ];

  for (const [name, bytes] of disguised) {
    it(`rejects ${name} named .mp4 with 415`, async () => {
      const { cookie, projectId, prefix } = await setup();
      const response = await uploadClip(cookie, projectId, bytes, { fileName: "video.mp4", type: "video/mp4" });

      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe("unsupported_media_type");
      expect(response.body.error.message).toMatch(/not a supported video/);
      expect(await objectsUnder(prefix)).toEqual([]);
    });
  }

  it("rejects an unplayable MP4 after probing and deletes it", async () => {
    const { cookie, projectId, prefix } = await setup();
    const response = await uploadClip(cookie, projectId, fakeMp4());

    expect(response.status).toBe(415);
    expect(response.body.error.message).toMatch(/not a playable video/);
    expect(await objectsUnder(prefix)).toEqual([]);
  });

  it("answers 503 and deletes the object when the renderer is down", async () => {
    const { cookie, projectId, prefix } = await setup();
    const form = new FormData();
    form.append("file", new File([videoFixture("mp4")], "clip.mp4", { type: "video/mp4" }));

    const response = await callWithEnv(
      { RENDERER_URL: "http://127.0.0.1:9" },
      `/api/apps/video-mixer/projects/${projectId}/clips`,
      { method: "POST", cookie, body: form },
    );

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe("service_unavailable");
    expect(await objectsUnder(prefix)).toEqual([]);
  });
});

describe("clip upload request checks", () => {
  it("rejects a form without a file with 400", async () => {
    const { cookie, projectId } = await setup();
    const form = new FormData();
    form.append("note", "no file here");

    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      body: form,
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/no file/);
  });

  it("rejects a JSON body with 415", async () => {
    const { cookie, projectId } = await setup();
    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      json: { file: "clip.mp4" },
    });

    expect(response.status).toBe(415);
  });

  it("rejects a malformed multipart body with 400", async () => {
    const { cookie, projectId } = await setup();
    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      headers: { "content-type": "multipart/form-data; boundary=abc" },
      body: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\nunterminated',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/malformed/);
  });

  it("rejects two files with 400 and keeps neither", async () => {
    const { cookie, projectId, prefix } = await setup();
    const form = new FormData();
    form.append("file", new File([videoFixture("mp4")], "a.mp4"));
    form.append("file", new File([videoFixture("mp4")], "b.mp4"));

    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      body: form,
    });

    expect(response.status).toBe(400);
    expect(await objectsUnder(prefix)).toEqual([]);
  });

  it("rejects a group of another project with 404 and keeps nothing", async () => {
    const { cookie, projectId, prefix } = await setup();
    const otherProject = await createProject(cookie, "Other");
    const foreignGroup = await createGroup(cookie, otherProject, "Elsewhere");

    const form = new FormData();
    form.append("file", new File([videoFixture("mp4")], "a.mp4"));
    form.append("groupId", foreignGroup);
    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      body: form,
    });

    expect(response.status).toBe(404);
    expect(await objectsUnder(prefix)).toEqual([]);
  });

  it("rejects a declared Content-Length over the limit with 413", async () => {
    const { cookie, projectId } = await setup();
    const { body, contentType } = streamedUpload(1024);

    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      headers: { "content-type": contentType, "content-length": String(MAX_CLIP_BYTES + 1024 * 1024) },
      body,
    });

    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  it("rejects a streamed file one byte over the limit with 413", async () => {
    const { cookie, projectId, prefix } = await setup();
    const { body, contentType } = streamedUpload(MAX_CLIP_BYTES + 1);

    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      headers: { "content-type": contentType },
      body,
    });

    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/100 MiB/);
    expect(await objectsUnder(prefix)).toEqual([]);
  }, 60_000);

  it("rejects an oversize file behind a lying Content-Length with 413", async () => {
    const { cookie, projectId, prefix } = await setup();
    const { body, contentType } = streamedUpload(MAX_CLIP_BYTES + 1);

    const response = await call(`/api/apps/video-mixer/projects/${projectId}/clips`, {
      method: "POST",
      cookie,
      headers: { "content-type": contentType, "content-length": "abc" },
      body,
    });

    expect(response.status).toBe(413);
    expect(await objectsUnder(prefix)).toEqual([]);
  }, 60_000);

  it("limits uploads per user with 429", async () => {
    const { cookie, projectId } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await uploadClip(cookie, projectId, "not a video")).status);
    }

    expect(statuses.slice(0, 60).every((status) => status === 415)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
