import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { call } from "../../../../test/http";
import { fetchBytes, renderGeneration, signUpUser } from "../../../../test/video-mixer";
import { outputThumbnailKey, outputVideoKey } from "./keys";

const base = "/api/apps/video-mixer/generations";

async function storedBytes(key: string) {
  const object = await env.BUCKET.get(key);
  if (!object) throw new Error(`missing R2 object ${key}`);
  return new Uint8Array(await object.arrayBuffer());
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("GET /generations/:generationId/outputs/:index", () => {
  it("streams the MP4 with download headers", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 2);
    const stored = await storedBytes(outputVideoKey(run.user.id, run.generationId, 1));

    const response = await fetchBytes(`${base}/${run.generationId}/outputs/1`, run.cookie);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="lumiku-${run.generationId.slice(0, 8)}-2.mp4"`,
    );
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("cache-control")).toBe("private");
    expect(response.headers.get("content-length")).toBe(String(stored.length));
    expect(response.bytes).toEqual(stored);
    expect(ascii(response.bytes.slice(4, 8))).toBe("ftyp");
  });

  it("answers byte ranges with 206 and 416", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 1);
    const stored = await storedBytes(outputVideoKey(run.user.id, run.generationId, 0));
    const size = stored.length;
    const path = `${base}/${run.generationId}/outputs/0`;

    const cases: [string, number, number][] = [
      ["bytes=0-9", 0, 9],
      ["bytes=10-", 10, size - 1],
      ["bytes=-5", size - 5, size - 1],
      [`bytes=4-${size + 100}`, 4, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetchBytes(path, run.cookie, { range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect(response.bytes, range).toEqual(stored.slice(start, end + 1));
    }

    const outside = await fetchBytes(path, run.cookie, { range: `bytes=${size}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get("content-range")).toBe(`bytes */${size}`);
    expect(JSON.parse(ascii(outside.bytes)).error.code).toBe("range_not_satisfiable");

    // Several ranges, or a malformed one, are ignored and the whole file is sent.
    for (const range of ["bytes=0-1,4-5", "bytes=9-2", "items=0-1"]) {
      const whole = await fetchBytes(path, run.cookie, { range });
      expect(whole.status, range).toBe(200);
      expect(whole.bytes.length, range).toBe(size);
    }
  });

  it("serves the thumbnail as JPEG", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 1);

    const response = await fetchBytes(`${base}/${run.generationId}/outputs/0/thumbnail`, run.cookie);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("private");
    expect([...response.bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(response.bytes).toEqual(await storedBytes(outputThumbnailKey(run.user.id, run.generationId, 0)));
  });

  it("answers 404 for an unfinished output and 400 for a bad index", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a assemble-500", "clip-b", "clip-c"], 1);

    const video = await call(`${base}/${run.generationId}/outputs/0`, { cookie: run.cookie });
    const thumbnail = await call(`${base}/${run.generationId}/outputs/0/thumbnail`, { cookie: run.cookie });
    const zip = await call(`${base}/${run.generationId}/zip`, { cookie: run.cookie });
    expect(video.status).toBe(404);
    expect(thumbnail.status).toBe(404);
    expect(zip.status).toBe(404);
    expect(zip.body.error.code).toBe("not_found");

    for (const index of ["100", "-1", "abc", "0x0", "1e0", "%200"]) {
      const response = await call(`${base}/${run.generationId}/outputs/${index}`, { cookie: run.cookie });
      expect(response.status, index).toBe(400);
    }
  });
});

describe("GET /generations/:generationId/zip", () => {
  it("streams a ZIP of every completed output", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 2);
    const short = run.generationId.slice(0, 8);

    const response = await fetchBytes(`${base}/${run.generationId}/zip`, run.cookie);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="lumiku-${short}.zip"`);
    expect(response.headers.get("cache-control")).toBe("private");
    expect(response.headers.get("content-length")).toBe(String(response.bytes.length));
    expect(ascii(response.bytes.slice(0, 4))).toBe("PK\x03\x04");

    // Entries are stored uncompressed, so each MP4 appears byte for byte under its name.
    for (const index of [0, 1]) {
      expect(ascii(response.bytes)).toContain(`lumiku-${short}-${index + 1}.mp4`);
      const video = await storedBytes(outputVideoKey(run.user.id, run.generationId, index));
      expect(indexOfBytes(response.bytes, video)).toBeGreaterThan(0);
    }
    const end = indexOfBytes(response.bytes, new Uint8Array([0x50, 0x4b, 0x05, 0x06]));
    expect(end).toBeGreaterThan(0);
    const view = new DataView(response.bytes.buffer, response.bytes.byteOffset + end);
    expect(view.getUint16(10, true)).toBe(2);
  });

  it("leaves failed outputs out", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 2);
    await env.DB.prepare("UPDATE video_mixer_outputs SET status = 'failed' WHERE generation_id = ? AND idx = 1")
      .bind(run.generationId)
      .run();

    const response = await fetchBytes(`${base}/${run.generationId}/zip`, run.cookie);

    const end = indexOfBytes(response.bytes, new Uint8Array([0x50, 0x4b, 0x05, 0x06]));
    expect(new DataView(response.bytes.buffer, response.bytes.byteOffset + end).getUint16(10, true)).toBe(1);
    expect(ascii(response.bytes)).not.toContain(`-2.mp4`);
  });
});

describe("output access", () => {
  it("answers 404 to another user everywhere", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 1);
    const other = await signUpUser();

    for (const path of [
      `${base}/${run.generationId}`,
      `${base}/${run.generationId}/outputs/0`,
      `${base}/${run.generationId}/outputs/0/thumbnail`,
      `${base}/${run.generationId}/zip`,
      `/api/apps/video-mixer/projects/${run.projectId}/generations`,
    ]) {
      const response = await call(path, { cookie: other.cookie });
      expect(response.status, path).toBe(404);
      expect(response.body.error.code, path).toBe("not_found");
    }
  });

  it("answers 401 without a session", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 1);

    for (const path of [
      `${base}/${run.generationId}`,
      `${base}/${run.generationId}/outputs/0`,
      `${base}/${run.generationId}/outputs/0/thumbnail`,
      `${base}/${run.generationId}/zip`,
      `/api/apps/video-mixer/projects/${run.projectId}/generations`,
    ]) {
      const response = await call(path);
      expect(response.status, path).toBe(401);
    }
  });
});
