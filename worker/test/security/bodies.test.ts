import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../http";
import { countRows, freshIp, signUpFromFreshIp } from "./helpers";

const OVERSIZE = 70 * 1024;

/** Builds a register body padded past the 64 KB limit with an extra field the schema ignores. */
function oversizeRegisterBody(email: string): string {
  return JSON.stringify({ email, password: "correct horse battery staple", name: "N", padding: "x".repeat(OVERSIZE) });
}

function chunkedStream(text: string, chunkSize = 8 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
    // The Worker stops reading at the limit; the rest is never sent.
    cancel() {
      offset = bytes.length;
    },
  });
}

async function send(request: Request) {
  const response = await exports.default.fetch(request);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function registerRequest(body: BodyInit, headers: Record<string, string>) {
  return new Request("http://127.0.0.1:8787/api/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": freshIp(), ...headers },
    body,
  });
}

describe("malformed bodies", () => {
  it("rejects malformed JSON with 400", async () => {
    const response = await call("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": freshIp() },
      body: '{"email": "a@b.c", "password": ',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
  });

  it("rejects a body without a content type with 415", async () => {
    const request = new Request("http://127.0.0.1:8787/api/auth/login", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      body: new TextEncoder().encode('{"email":"a@b.c","password":"x"}'),
    });
    const response = await send(request);
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe("unsupported_media_type");
  });

  it("rejects form-encoded credentials with 415", async () => {
    const response = await call("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": freshIp() },
      body: "email=a%40b.c&password=x",
    });
    expect(response.status).toBe(415);
  });

  it("rejects wrong types with field details and writes nothing", async () => {
    const response = await call("/api/auth/register", {
      method: "POST",
      headers: { "cf-connecting-ip": freshIp() },
      json: { email: ["x@example.com"], password: 123456789012, name: { first: "A" } },
    });
    expect(response.status).toBe(400);
    const paths = response.body.error.details.fields.map((field: { path: string }) => field.path).sort();
    expect(paths).toEqual(["email", "name", "password"]);
  });

  it("rejects a JSON array or null body", async () => {
    for (const json of [[], null, "text", 42]) {
      const response = await call("/api/auth/login", {
        method: "POST",
        headers: { "cf-connecting-ip": freshIp() },
        json,
      });
      expect(response.status).toBe(400);
    }
  });
});

describe("body size limit", () => {
  it("rejects an oversize body with an honest Content-Length", async () => {
    const email = `big-${crypto.randomUUID()}@example.com`;
    const body = oversizeRegisterBody(email);
    const response = await send(registerRequest(body, { "content-length": String(body.length) }));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
    expect(await countRows("users", "email = ?", email)).toBe(0);
  });

  it("rejects an oversize body with a non-numeric Content-Length", async () => {
    const email = `nan-${crypto.randomUUID()}@example.com`;
    const response = await send(
      registerRequest(chunkedStream(oversizeRegisterBody(email)), { "content-length": "abc" }),
    );
    expect(response.status).toBe(413);
    expect(await countRows("users", "email = ?", email)).toBe(0);
  });

  it("rejects an oversize body whose Content-Length claims less", async () => {
    const email = `liar-${crypto.randomUUID()}@example.com`;
    const response = await send(
      registerRequest(chunkedStream(oversizeRegisterBody(email)), { "content-length": "20" }),
    );
    expect(response.status).toBe(413);
    expect(await countRows("users", "email = ?", email)).toBe(0);
  });

  it("rejects an oversize chunked body with no Content-Length", async () => {
    const email = `chunked-${crypto.randomUUID()}@example.com`;
    const response = await send(registerRequest(chunkedStream(oversizeRegisterBody(email)), {}));
    expect(response.status).toBe(413);
    expect(await countRows("users", "email = ?", email)).toBe(0);
  });

  it("still accepts a small chunked body", async () => {
    const email = `small-${crypto.randomUUID()}@example.com`;
    const body = JSON.stringify({ email, password: "correct horse battery staple", name: "Small" });
    const response = await send(registerRequest(chunkedStream(body, 16), {}));
    expect(response.status).toBe(201);
  });

  it("leaves multipart uploads to the upload route's own limit", async () => {
    const { cookie } = await signUpFromFreshIp();
    const form = new FormData();
    form.append("file", new File([new Uint8Array(OVERSIZE)], "clip.mp4", { type: "video/mp4" }));
    const response = await call("/api/apps/video-mixer/projects/00000000-0000-4000-8000-000000000000/clips", {
      method: "POST",
      cookie,
      body: form,
    });
    // Past the small-body limit, so anything but 413 shows the global limit stepped aside.
    expect(response.status).not.toBe(413);
  });
});

describe("path traversal in ids", () => {
  it("rejects traversal in a session id", async () => {
    const { cookie } = await signUpFromFreshIp();
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e%2fusers", "1%00"]) {
      const response = await call(`/api/auth/sessions/${id}`, { method: "DELETE", cookie });
      expect([400, 404], id).toContain(response.status);
    }
  });

  it("rejects traversal in an app id", async () => {
    const { cookie } = await signUpFromFreshIp();
    for (const id of ["..%2Fvideo-mixer", "video-mixer%2F..%2F..", "VIDEO-MIXER", "%2e%2e"]) {
      const response = await call(`/api/apps/${id}/models`, { cookie });
      expect([400, 404], id).toContain(response.status);
    }
  });

  it("stores a traversal-looking name as plain text", async () => {
    const { cookie } = await signUpFromFreshIp();
    const response = await call("/api/auth/profile", { method: "PATCH", cookie, json: { name: "../../etc/passwd" } });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe("../../etc/passwd");
  });
});
