import { MaxHeaderSizeExceededError, MaxPartsExceededError, MultipartParseError } from "@remix-run/multipart-parser";
import { describe, expect, it } from "vitest";
import { formDataBoundary, readMultipartStream } from "./multipart-stream";

const encoder = new TextEncoder();
const LIMITS = { maxHeaderSize: 1024, maxParts: 5 };

/** Streams `text` in chunks of `size` bytes, so boundaries fall across chunk edges. */
function chunked(text: string | Uint8Array, size: number): ReadableStream<Uint8Array> {
  const bytes = typeof text === "string" ? encoder.encode(text) : text;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, boundary: string, limits = LIMITS) {
  const parts: { name?: string; filename?: string; mediaType?: string; text: string }[] = [];
  for await (const part of readMultipartStream(stream, boundary, limits)) {
    const pieces: Uint8Array[] = [];
    for await (const piece of part.body) pieces.push(piece.slice());
    const text = new TextDecoder().decode(await new Blob(pieces).arrayBuffer());
    parts.push({ name: part.name, filename: part.filename, mediaType: part.mediaType, text });
  }
  return parts;
}

const body = [
  "preamble to ignore\r\n",
  "--XyZ\r\n",
  'Content-Disposition: form-data; name="groupId"\r\n\r\n',
  "g-1\r\n",
  "--XyZ\r\n",
  'Content-Disposition: form-data; name="file"; filename="clip one.mp4"\r\n',
  "Content-Type: video/mp4\r\n\r\n",
  "line one\r\n--XyNotTheBoundary\r\nline three",
  "\r\n--XyZ--\r\nepilogue",
].join("");

describe("readMultipartStream", () => {
  for (const size of [1, 3, 7, 64, 4096]) {
    it(`parses parts from ${size}-byte chunks`, async () => {
      expect(await collect(chunked(body, size), "XyZ")).toEqual([
        { name: "groupId", filename: undefined, mediaType: undefined, text: "g-1" },
        {
          name: "file",
          filename: "clip one.mp4",
          mediaType: "video/mp4",
          text: "line one\r\n--XyNotTheBoundary\r\nline three",
        },
      ]);
    });
  }

  it("skips a part body the consumer leaves unread", async () => {
    const names: (string | undefined)[] = [];
    for await (const part of readMultipartStream(chunked(body, 5), "XyZ", LIMITS)) names.push(part.name);
    expect(names).toEqual(["groupId", "file"]);
  });

  it("keeps binary content intact", async () => {
    const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 256);
    const message = new Uint8Array([
      ...encoder.encode('--b0undary\r\nContent-Disposition: form-data; name="file"; filename="x"\r\n\r\n'),
      ...binary,
      ...encoder.encode("\r\n--b0undary--\r\n"),
    ]);
    const received: Uint8Array[] = [];
    for await (const streamed of readMultipartStream(chunked(message, 11), "b0undary", LIMITS)) {
      for await (const piece of streamed.body) received.push(piece.slice());
    }
    expect(new Uint8Array(await new Blob(received).arrayBuffer())).toEqual(binary);
  });

  it("rejects a body without its closing boundary", async () => {
    const truncated = body.slice(0, body.indexOf("--XyZ--"));
    await expect(collect(chunked(truncated, 16), "XyZ")).rejects.toBeInstanceOf(MultipartParseError);
  });

  it("rejects an oversized part header", async () => {
    const huge = `--XyZ\r\nContent-Disposition: form-data; name="a"; x="${"y".repeat(2000)}"\r\n\r\nv\r\n--XyZ--`;
    await expect(collect(chunked(huge, 100), "XyZ")).rejects.toBeInstanceOf(MaxHeaderSizeExceededError);
  });

  it("rejects too many parts", async () => {
    const many = `${'--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n'.repeat(6)}--XyZ--`;
    await expect(collect(chunked(many, 50), "XyZ")).rejects.toBeInstanceOf(MaxPartsExceededError);
  });
});

describe("formDataBoundary", () => {
  it("reads plain and quoted boundaries", () => {
    expect(formDataBoundary("multipart/form-data; boundary=abc123")).toBe("abc123");
    expect(formDataBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe("a b:c");
  });

  it("rejects other types and missing boundaries", () => {
    expect(formDataBoundary("application/json")).toBeNull();
    expect(formDataBoundary("multipart/mixed; boundary=abc")).toBeNull();
    expect(formDataBoundary("multipart/form-data")).toBeNull();
    expect(formDataBoundary(undefined)).toBeNull();
  });
});
