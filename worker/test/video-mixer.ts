import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { DEFAULT_SETTINGS, type MixSettings } from "../src/apps/video-mixer/settings";
import { creditAccount } from "../src/credits/account";
import { getDb, schema } from "../src/db/client";
import { handleRenderQueue } from "../src/queue/consumer";
import type { RenderMessage } from "../src/queue/messages";
import { callWithEnv, signUp } from "./http";

/** Signs up a user; `signUp` gives each one its own client address, so no per-IP limit is met. */
export async function signUpUser() {
  return signUp({ name: "Mixer Tester" });
}

/**
 * Creates a project with one clip per entry of `contents`, as rows plus R2 objects holding
 * those bytes. Nothing is probed, so the rows claim a 720×1280 H.264 clip of `durationSeconds`.
 */
export async function createProjectWithClips(
  userId: string,
  contents: (string | Uint8Array)[],
  options: { durationSeconds?: number } = {},
) {
  const db = getDb(env.DB);
  const projectId = crypto.randomUUID();
  await db.insert(schema.videoMixerProjects).values({ id: projectId, userId, name: "Test project" });

  const clipIds: string[] = [];
  for (const [position, content] of contents.entries()) {
    const id = crypto.randomUUID();
    const objectKey = `uploads/${userId}/${id}.mp4`;
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
    await env.BUCKET.put(objectKey, bytes);
    await db.insert(schema.videoMixerClips).values({
      id,
      projectId,
      groupId: null,
      position,
      fileName: `clip-${position + 1}.mp4`,
      objectKey,
      container: "mp4",
      sizeBytes: bytes.length,
      durationSeconds: options.durationSeconds ?? 2,
      width: 720,
      height: 1280,
      rotation: 0,
      fps: 30,
      videoCodec: "h264",
      audioCodec: "aac",
      hasAudio: true,
    });
    clipIds.push(id);
  }
  return { projectId, clipIds };
}

/** Moves the user's balance to exactly `target` with a debit or grant. */
export async function setBalance(userId: string, target: number) {
  const account = creditAccount(env, userId);
  const balance = await account.getBalance(userId);
  const key = `test-balance:${crypto.randomUUID()}`;
  if (balance > target) {
    await account.debit(userId, { amount: balance - target, kind: "adjustment", idempotencyKey: key });
  } else if (balance < target) {
    await account.grant(userId, { amount: target - balance, kind: "adjustment", idempotencyKey: key });
  }
}

/** Creates a queue binding that keeps what is sent, so tests decide when and how often it is delivered. */
export function recordingQueue(options: { failSend?: boolean } = {}) {
  const sent: RenderMessage[] = [];
  const queue = {
    async send(body: RenderMessage) {
      if (options.failSend) throw new Error("queue send failed (test)");
      sent.push(body);
    },
    async sendBatch(messages: Iterable<MessageSendRequest<RenderMessage>>) {
      if (options.failSend) throw new Error("queue send failed (test)");
      for (const message of messages) sent.push(message.body);
    },
  };
  return { sent, queue: queue as unknown as Queue<RenderMessage> };
}

/** A rate limiter that never limits, for tests about something other than the limit. */
export const unlimited = { limit: async () => ({ success: true }) } as RateLimit;

export interface Delivery {
  body: RenderMessage;
  id?: string;
  attempts?: number;
}

/**
 * Delivers messages to the consumer as the queue would, with bindings replaced by `overrides`,
 * and returns which messages were acknowledged or retried.
 */
export async function deliver(queue: string, deliveries: Delivery[], overrides: Partial<Cloudflare.Env> = {}) {
  const batch = createMessageBatch<RenderMessage>(
    queue,
    deliveries.map((delivery) => ({
      id: delivery.id ?? crypto.randomUUID(),
      timestamp: new Date(),
      attempts: delivery.attempts ?? 1,
      body: delivery.body,
    })),
  );
  const ctx = createExecutionContext();
  await handleRenderQueue(batch, { ...env, ...overrides }, ctx);
  return getQueueResult(batch, ctx);
}

/** Sends a GET to the Worker and reads the body as bytes, for downloads. */
export async function fetchBytes(path: string, cookie: string, headers: Record<string, string> = {}) {
  const response = await exports.default.fetch(
    new Request(`http://127.0.0.1:8787${path}`, { headers: { ...headers, cookie } }),
  );
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * Signs up a user, creates a project with one clip per entry of `clips` and starts a generation
 * of `count` variants through the API. Nothing is delivered: the queue only records what was
 * sent, and `overrides` point the consumer at the renderer at `rendererUrl`.
 */
export async function startGeneration(
  rendererUrl: string,
  clips: string[],
  count: number,
  settings: MixSettings = DEFAULT_SETTINGS,
) {
  const { cookie, user } = await signUpUser();
  const { projectId, clipIds } = await createProjectWithClips(user.id, clips);
  const recorder = recordingQueue();
  const overrides = { RENDERER_URL: rendererUrl, RENDER_QUEUE: recorder.queue };
  const response = await callWithEnv(overrides, `/api/apps/video-mixer/projects/${projectId}/generations`, {
    method: "POST",
    cookie,
    json: { settings, count },
  });
  if (response.status !== 202) throw new Error(`generation failed: ${response.status} ${response.text}`);
  const generationId = response.body.id as string;
  return { cookie, user, projectId, clipIds, generationId, sent: recorder.sent, overrides };
}

/**
 * Signs up a user and runs a generation of `count` variants through prepare and every variant
 * against the stub renderer at `rendererUrl`. Clip bytes steer the stub (see renderer-stub-setup.ts).
 */
export async function renderGeneration(rendererUrl: string, clips: string[], count: number) {
  const run = await startGeneration(rendererUrl, clips, count);
  await deliver(
    "render-jobs",
    [{ body: { type: "video-mixer.prepare", generationId: run.generationId } }],
    run.overrides,
  );
  const variants = run.sent.filter((message) => message.type === "video-mixer.variant");
  await deliver(
    "render-jobs",
    variants.map((body) => ({ body })),
    run.overrides,
  );
  const { cookie, user, projectId, clipIds, generationId, overrides } = run;
  return { cookie, user, projectId, clipIds, generationId, overrides };
}
