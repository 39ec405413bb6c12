import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { clipObjectKey } from "../src/apps/video-mixer/service/storage";
import { getDb, schema } from "../src/db/client";
import { call, signUp } from "./http";

/** Signs up from a random client address, so no file of tests meets the per-IP signup limit. */
export async function signUpFresh() {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  return signUp({ ip: `10.${octet()}.${octet()}.${octet()}`, name: "Clip Tester" });
}

export async function createProject(cookie: string, name = "My project"): Promise<string> {
  const response = await call("/api/apps/video-mixer/projects", { method: "POST", cookie, json: { name } });
  if (response.status !== 201) throw new Error(`project creation failed: ${response.status} ${response.text}`);
  return response.body.id as string;
}

export async function createGroup(cookie: string, projectId: string, name: string): Promise<string> {
  const response = await call(`/api/apps/video-mixer/projects/${projectId}/groups`, {
    method: "POST",
    cookie,
    json: { name },
  });
  if (response.status !== 201) throw new Error(`group creation failed: ${response.status} ${response.text}`);
  return response.body.id as string;
}

/** A fixture written by test/renderer-setup.ts with ffmpeg. */
export function videoFixture(name: "mp4" | "webm"): Uint8Array {
  return Uint8Array.from(atob(inject("videoFixtures")[name]), (char) => char.charCodeAt(0));
}

/** Posts `bytes` as the `file` field of a multipart upload, as a browser form would. */
export async function uploadClip(
  cookie: string,
  projectId: string,
  bytes: Uint8Array | string,
  options: { fileName?: string; type?: string; groupId?: string } = {},
) {
  const form = new FormData();
  if (options.groupId) form.append("groupId", options.groupId);
  form.append("file", new File([bytes], options.fileName ?? "clip.mp4", { type: options.type ?? "video/mp4" }));
  return call(`/api/apps/video-mixer/projects/${projectId}/clips`, { method: "POST", cookie, body: form });
}

/**
 * Stores a clip row and its R2 object directly, skipping the upload and the probe, for tests
 * about ordering and deletion.
 */
export async function seedClip(
  userId: string,
  projectId: string,
  options: { groupId?: string | null; position?: number; durationSeconds?: number } = {},
) {
  const id = crypto.randomUUID();
  const objectKey = clipObjectKey(userId, projectId, id);
  await env.BUCKET.put(objectKey, "not really a video");
  await getDb(env.DB)
    .insert(schema.videoMixerClips)
    .values({
      id,
      projectId,
      groupId: options.groupId ?? null,
      position: options.position ?? 0,
      fileName: `${id.slice(0, 8)}.mp4`,
      objectKey,
      container: "mp4",
      sizeBytes: 18,
      durationSeconds: options.durationSeconds ?? 3,
      width: 720,
      height: 1280,
      rotation: 0,
      fps: 30,
      videoCodec: "h264",
      audioCodec: "aac",
      hasAudio: true,
    });
  return { id, objectKey };
}
