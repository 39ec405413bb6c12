import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { deliver, recordingQueue, startGeneration as startGenerationWith } from "../../../../test/video-mixer";
import { creditAccount } from "../../../credits/account";
import { getDb, schema } from "../../../db/client";
import { retryDelaySeconds } from "../../../queue/consumer";
import type { RenderMessage } from "../../../queue/messages";
import { outputThumbnailKey, outputVideoKey } from "../outputs/keys";
import { pricePerVariant } from "../pricing";
import { DEFAULT_SETTINGS, type MixSettings } from "../settings";
import { normalizedClipKey, outputProfile } from "./profile";

const db = getDb(env.DB);
const PRICE = pricePerVariant(DEFAULT_SETTINGS);
const PROFILE = outputProfile(DEFAULT_SETTINGS);

/** Creates a user, a project with the given clip bytes and a generation of `count` variants, not yet prepared. */
function startGeneration(clips: string[], count: number, settings: MixSettings = DEFAULT_SETTINGS) {
  return startGenerationWith(inject("rendererStubUrl"), clips, count, settings);
}

const prepare = (generationId: string): RenderMessage => ({ type: "video-mixer.prepare", generationId });
const variant = (generationId: string, index: number): RenderMessage => ({
  type: "video-mixer.variant",
  generationId,
  index,
});

async function generationRow(generationId: string) {
  const [row] = await db
    .select()
    .from(schema.videoMixerGenerations)
    .where(eq(schema.videoMixerGenerations.id, generationId));
  return row;
}

async function outputRow(generationId: string, index: number) {
  const [row] = await db
    .select()
    .from(schema.videoMixerOutputs)
    .where(and(eq(schema.videoMixerOutputs.generationId, generationId), eq(schema.videoMixerOutputs.index, index)));
  return row;
}

async function ledgerKinds(userId: string) {
  const rows = await db.select().from(schema.creditLedger).where(eq(schema.creditLedger.userId, userId));
  return rows.map((row) => row.kind);
}

async function balanceOf(userId: string) {
  return creditAccount(env, userId).getBalance(userId);
}

async function heldFor(userId: string, generationId: string) {
  return creditAccount(env, userId).held(userId, `vm-gen:${generationId}`);
}

async function bytesOf(key: string): Promise<Uint8Array | null> {
  const object = await env.BUCKET.get(key);
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

describe("video-mixer.prepare", () => {
  it("normalizes each clip once and queues every variant", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 2);

    const result = await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toHaveLength(0);
    for (const [i, clipId] of run.clipIds.entries()) {
      const normalized = new TextDecoder().decode((await bytesOf(normalizedClipKey(clipId, PROFILE))) ?? undefined);
      expect(normalized).toBe(`NORMALIZED${["clip-a", "clip-b", "clip-c"][i]}`);
    }
    expect(PROFILE).toEqual({ width: 720, height: 1280, fps: 30, videoBitrateKbps: 2500 });
    expect(run.sent).toEqual([prepare(run.generationId), variant(run.generationId, 0), variant(run.generationId, 1)]);
    expect((await generationRow(run.generationId))?.status).toBe("processing");
  });

  it("reuses a normalized clip that already exists", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 1);
    const existing = normalizedClipKey(run.clipIds[0] as string, PROFILE);
    await env.BUCKET.put(existing, "NORMALIZED earlier");

    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    expect(new TextDecoder().decode((await bytesOf(existing)) ?? undefined)).toBe("NORMALIZED earlier");
  });

  it("fails the variants of an undecodable clip and releases them", async () => {
    const run = await startGeneration(["clip-a normalize-422", "clip-b", "clip-c"], 2);

    const result = await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    expect(result.explicitAcks).toHaveLength(1);
    expect(run.sent.filter((message) => message.type === "video-mixer.variant")).toHaveLength(0);
    for (const index of [0, 1]) {
      const output = await outputRow(run.generationId, index);
      expect(output?.status).toBe("failed");
      expect(output?.error).toMatch(/clip-1\.mp4.*could not be decoded/);
    }
    const generation = await generationRow(run.generationId);
    expect(generation?.status).toBe("failed");
    expect(generation?.completedAt).not.toBeNull();
    expect(await balanceOf(run.user.id)).toBe(100);
    expect(await heldFor(run.user.id, run.generationId)).toBe(0);
  });

  it("retries with a delay when normalizing fails transiently", async () => {
    const run = await startGeneration(["clip-a normalize-500", "clip-b", "clip-c"], 1);

    const result = await deliver("render-jobs", [{ body: prepare(run.generationId), attempts: 2 }], run.overrides);

    expect(result.explicitAcks).toHaveLength(0);
    expect(result.retryMessages).toHaveLength(1);
    expect(run.sent.filter((message) => message.type === "video-mixer.variant")).toHaveLength(0);
    // The clips that did normalize are kept, so the retry only redoes the failed one.
    expect(await env.BUCKET.head(normalizedClipKey(run.clipIds[1] as string, PROFILE))).not.toBeNull();
    expect(await heldFor(run.user.id, run.generationId)).toBe(PRICE);
  });
});

describe("video-mixer.variant", () => {
  it("renders, stores and charges each variant", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 2);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    const result = await deliver(
      "render-jobs",
      [{ body: variant(run.generationId, 0) }, { body: variant(run.generationId, 1) }],
      run.overrides,
    );

    expect(result.explicitAcks).toHaveLength(2);
    for (const index of [0, 1]) {
      const output = await outputRow(run.generationId, index);
      expect(output?.status).toBe("completed");
      expect(output?.progress).toBe(1);
      expect(output?.durationSeconds).toBe(6);
      expect(output?.attempts).toBe(1);

      const video = (await bytesOf(outputVideoKey(run.user.id, run.generationId, index))) as Uint8Array;
      expect(output?.sizeBytes).toBe(video.length);
      expect(new TextDecoder().decode(video.slice(4, 8))).toBe("ftyp");
      const thumbnail = (await bytesOf(outputThumbnailKey(run.user.id, run.generationId, index))) as Uint8Array;
      expect([...thumbnail.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

      // The stub echoes the spec it received after the ftyp box.
      const echoed = JSON.parse(new TextDecoder().decode(video.slice(24)));
      const plan = output?.plan as { segments: { trimStart: number; trimDuration: number | null; speed: number }[] };
      expect(echoed.spec.segments).toHaveLength(3);
      expect(echoed.spec.segments.map((segment: { bytes: number }) => segment.bytes)).toEqual([16, 16, 16]);
      expect(echoed.spec.segments.map(({ bytes: _bytes, ...rest }: { bytes: number }) => rest)).toEqual(
        plan.segments.map(({ trimStart, trimDuration, speed }) => ({ trimStart, trimDuration, speed })),
      );
      expect(echoed.bodyBytes).toBe(48);
      expect(echoed.spec.output).toEqual({
        width: 720,
        height: 1280,
        fps: 30,
        videoBitrateKbps: 2500,
        audio: "keep",
        durationSeconds: null,
        metadata: { encoder: "CapCut", comment: "Made with CapCut" },
      });
      expect(echoed.spec.thumbnail).toEqual({ atSeconds: 1, width: 360 });
    }

    const generation = await generationRow(run.generationId);
    expect(generation?.status).toBe("completed");
    expect(generation?.completedAt).not.toBeNull();
    expect(await balanceOf(run.user.id)).toBe(100 - 2 * PRICE);
    expect(await heldFor(run.user.id, run.generationId)).toBe(0);
    expect((await ledgerKinds(run.user.id)).filter((kind) => kind === "job_capture")).toHaveLength(2);
  });

  it("charges a redelivered message once", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);
    const message = { id: "variant-redelivered", body: variant(run.generationId, 0) };

    const first = await deliver("render-jobs", [message], run.overrides);
    const second = await deliver("render-jobs", [{ ...message, attempts: 2 }], run.overrides);

    expect(first.explicitAcks).toEqual(["variant-redelivered"]);
    expect(second.explicitAcks).toEqual(["variant-redelivered"]);
    expect((await outputRow(run.generationId, 0))?.attempts).toBe(1);
    expect(await balanceOf(run.user.id)).toBe(100 - PRICE);
    expect((await ledgerKinds(run.user.id)).filter((kind) => kind === "job_capture")).toHaveLength(1);
  });

  it("completes without a second charge after a crash past the capture", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);
    // The first run captured, then died before its row update.
    await creditAccount(env, run.user.id).settle(run.user.id, {
      reservationKey: `vm-gen:${run.generationId}`,
      partKey: `vm-gen:${run.generationId}:0`,
      amount: PRICE,
      outcome: "capture",
      reference: run.generationId,
    });

    const result = await deliver("render-jobs", [{ body: variant(run.generationId, 0), attempts: 2 }], run.overrides);

    expect(result.explicitAcks).toHaveLength(1);
    expect((await outputRow(run.generationId, 0))?.status).toBe("completed");
    expect((await generationRow(run.generationId))?.status).toBe("completed");
    expect(await balanceOf(run.user.id)).toBe(100 - PRICE);
    expect((await ledgerKinds(run.user.id)).filter((kind) => kind === "job_capture")).toHaveLength(1);
  });

  it("fails and releases on a permanent renderer error", async () => {
    const run = await startGeneration(["clip-a assemble-422", "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    const result = await deliver("render-jobs", [{ body: variant(run.generationId, 0) }], run.overrides);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toHaveLength(0);
    const output = await outputRow(run.generationId, 0);
    expect(output?.status).toBe("failed");
    expect(output?.error).toMatch(/could not be decoded/);
    expect(await env.BUCKET.head(outputVideoKey(run.user.id, run.generationId, 0))).toBeNull();
    expect((await generationRow(run.generationId))?.status).toBe("failed");
    expect(await balanceOf(run.user.id)).toBe(100);
    expect(await ledgerKinds(run.user.id)).toContain("job_release");
  });

  it("retries a transient error, then charges the success once", async () => {
    const token = crypto.randomUUID();
    const run = await startGeneration([`clip-a assemble-500-once:${token}`, "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);
    const message = { id: "variant-transient", body: variant(run.generationId, 0) };

    const first = await deliver("render-jobs", [message], run.overrides);

    expect(first.explicitAcks).toHaveLength(0);
    expect(first.retryMessages).toEqual([{ msgId: "variant-transient" }]);
    const during = await outputRow(run.generationId, 0);
    expect(during?.status).toBe("processing");
    expect(during?.progress).toBe(0.1);
    expect(await heldFor(run.user.id, run.generationId)).toBe(PRICE);

    const second = await deliver("render-jobs", [{ ...message, attempts: 2 }], run.overrides);

    expect(second.explicitAcks).toEqual(["variant-transient"]);
    expect((await outputRow(run.generationId, 0))?.status).toBe("completed");
    expect((await outputRow(run.generationId, 0))?.attempts).toBe(2);
    expect(await balanceOf(run.user.id)).toBe(100 - PRICE);
  });

  it("keeps retrying on the last attempt so the queue dead-letters it", async () => {
    const run = await startGeneration(["clip-a assemble-500", "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    const last = await deliver("render-jobs", [{ body: variant(run.generationId, 0), attempts: 4 }], run.overrides);

    expect(last.retryMessages).toHaveLength(1);
    expect((await outputRow(run.generationId, 0))?.status).toBe("processing");
  });

  it("marks a generation partial when some variants fail", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 2);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);
    await deliver("render-jobs", [{ body: variant(run.generationId, 0) }], run.overrides);
    // Replace a normalized clip with bytes the stub rejects, so only the second variant fails.
    await env.BUCKET.put(normalizedClipKey(run.clipIds[0] as string, PROFILE), "NORMALIZED assemble-422");

    await deliver("render-jobs", [{ body: variant(run.generationId, 1) }], run.overrides);

    const generation = await generationRow(run.generationId);
    expect(generation?.status).toBe("partial");
    expect(generation?.error).toBe("1 of 2 variants failed");
    expect(generation?.completedAt).not.toBeNull();
    expect(await balanceOf(run.user.id)).toBe(100 - PRICE);
    expect(await heldFor(run.user.id, run.generationId)).toBe(0);
  });

  it("sends the fixed duration and mute setting", async () => {
    const settings: MixSettings = {
      ...DEFAULT_SETTINGS,
      aspectRatio: "1:1",
      resolution: "480p",
      fps: 24,
      bitrate: "low",
      audio: "mute",
      duration: { mode: "fixed", seconds: 5, fit: "equal" },
      metadataSource: "tiktok",
    };
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 1, settings);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    await deliver("render-jobs", [{ body: variant(run.generationId, 0) }], run.overrides);

    const video = (await bytesOf(outputVideoKey(run.user.id, run.generationId, 0))) as Uint8Array;
    const echoed = JSON.parse(new TextDecoder().decode(video.slice(24)));
    expect(echoed.spec.output).toEqual({
      width: 480,
      height: 480,
      fps: 24,
      videoBitrateKbps: 1000,
      audio: "mute",
      durationSeconds: 5,
      metadata: { encoder: "TikTok", comment: "TikTok Video" },
    });
    expect((await outputRow(run.generationId, 0))?.durationSeconds).toBe(5);
  });
});

describe("render-jobs-dlq", () => {
  it("records a dead variant and releases its credits once", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 2);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);
    await deliver("render-jobs", [{ body: variant(run.generationId, 0) }], run.overrides);
    const dead = { id: `dead-${run.generationId}`, body: variant(run.generationId, 1), attempts: 4 };

    const first = await deliver("render-jobs-dlq", [dead], run.overrides);
    const again = await deliver("render-jobs-dlq", [dead], run.overrides);

    expect(first.explicitAcks).toEqual([dead.id]);
    expect(again.explicitAcks).toEqual([dead.id]);
    const letters = await db.select().from(schema.deadLetters).where(eq(schema.deadLetters.messageId, dead.id));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ queue: "render-jobs", attempts: 4, body: dead.body });

    const output = await outputRow(run.generationId, 1);
    expect(output?.status).toBe("failed");
    expect(output?.error).toBe("Rendering failed after retries");
    expect((await outputRow(run.generationId, 0))?.status).toBe("completed");
    expect((await generationRow(run.generationId))?.status).toBe("partial");
    expect(await balanceOf(run.user.id)).toBe(100 - PRICE);
    expect((await ledgerKinds(run.user.id)).filter((kind) => kind === "job_release")).toHaveLength(1);
  });

  it("fails every unfinished output of a dead prepare", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 3);

    await deliver("render-jobs-dlq", [{ body: prepare(run.generationId), attempts: 4 }], run.overrides);

    for (const index of [0, 1, 2]) expect((await outputRow(run.generationId, index))?.status).toBe("failed");
    expect((await generationRow(run.generationId))?.status).toBe("failed");
    expect((await generationRow(run.generationId))?.error).toBe("Rendering failed after retries");
    expect(await balanceOf(run.user.id)).toBe(100);
  });

  it("discards a render that finishes after its output was dead-lettered", async () => {
    const run = await startGeneration(["clip-a", "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);
    await deliver("render-jobs-dlq", [{ body: variant(run.generationId, 0), attempts: 4 }], run.overrides);

    // A late copy of the message runs after the dead-letter handler failed the output.
    await db
      .update(schema.videoMixerOutputs)
      .set({ status: "processing" })
      .where(eq(schema.videoMixerOutputs.generationId, run.generationId));
    await deliver("render-jobs", [{ body: variant(run.generationId, 0), attempts: 2 }], run.overrides);

    expect(await env.BUCKET.head(outputVideoKey(run.user.id, run.generationId, 0))).toBeNull();
    expect(await balanceOf(run.user.id)).toBe(100);
    expect((await ledgerKinds(run.user.id)).filter((kind) => kind === "job_capture")).toHaveLength(0);
  });
});

describe("renderer jobs per invocation", () => {
  async function stubStats(token: string): Promise<{ maxConcurrent: number; requests: number }> {
    const response = await fetch(`${inject("rendererStubUrl")}/stats/${token}`);
    return response.json();
  }

  it("keeps at most two renderer jobs in flight per batch", async () => {
    const token = crypto.randomUUID();
    // The space ends the token where the stub joins normalized clips for an assembly.
    const clips = ["clip-a", "clip-b", "clip-c"].map((name) => `${name} slow:${token} `);
    const first = await startGeneration(clips, 2);
    const second = await startGeneration(clips, 2);
    const recorder = recordingQueue();
    const overrides = { ...first.overrides, RENDER_QUEUE: recorder.queue };

    const prepared = await deliver(
      "render-jobs",
      [{ body: prepare(first.generationId) }, { body: prepare(second.generationId) }],
      overrides,
    );
    const variants = recorder.sent.filter((message) => message.type === "video-mixer.variant");
    const rendered = await deliver(
      "render-jobs",
      variants.map((body) => ({ body })),
      overrides,
    );

    expect(prepared.explicitAcks).toHaveLength(2);
    expect(variants).toHaveLength(4);
    expect(rendered.explicitAcks).toHaveLength(4);
    expect(rendered.retryMessages).toEqual([]);
    // Six normalizations and four assemblies, never more than two at once.
    expect(await stubStats(token)).toEqual({ maxConcurrent: 2, requests: 10 });
  });

  it("records the renderer's progress while an assembly runs", async () => {
    const token = crypto.randomUUID();
    const run = await startGeneration([`clip-a progress:${token} `, "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    const seen = new Set<number>();
    let delivered = false;
    const delivering = deliver("render-jobs", [{ body: variant(run.generationId, 0) }], run.overrides).finally(() => {
      delivered = true;
    });
    while (!delivered) {
      const progress = (await outputRow(run.generationId, 0))?.progress;
      if (progress !== undefined) seen.add(progress);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect((await delivering).explicitAcks).toHaveLength(1);
    const stats = (await (await fetch(`${inject("rendererStubUrl")}/job-stats/${token}`)).json()) as {
      jobIds: string[];
      polls: number;
    };
    expect(stats.jobIds).toEqual([expect.stringMatching(/^vm-[0-9a-f-]{36}$/)]);
    expect(stats.polls).toBeGreaterThanOrEqual(1);
    // The stub reports 0.5, which maps to 0.1 + 0.8 × 0.5.
    expect([...seen].some((value) => Math.abs(value - 0.5) < 1e-9)).toBe(true);
    expect(await outputRow(run.generationId, 0)).toMatchObject({ status: "completed", progress: 1 });
  });

  it("repeats a busy assembly without a queue retry", async () => {
    const token = crypto.randomUUID();
    const run = await startGeneration([`clip-a assemble-busy-once:${token}`, "clip-b", "clip-c"], 1);
    await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    const result = await deliver("render-jobs", [{ body: variant(run.generationId, 0) }], run.overrides);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    expect(await outputRow(run.generationId, 0)).toMatchObject({ status: "completed", attempts: 1 });
    expect(await balanceOf(run.user.id)).toBe(100 - PRICE);
  });

  it("repeats a busy normalization without a queue retry", async () => {
    const token = crypto.randomUUID();
    const run = await startGeneration([`clip-a normalize-busy-once:${token}`, "clip-b", "clip-c"], 1);

    const result = await deliver("render-jobs", [{ body: prepare(run.generationId) }], run.overrides);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    expect(await env.BUCKET.head(normalizedClipKey(run.clipIds[0] as string, PROFILE))).not.toBeNull();
    expect(run.sent.filter((message) => message.type === "video-mixer.variant")).toHaveLength(1);
  });
});

describe("render-jobs consumer", () => {
  it("doubles the retry delay from 10 s up to 300 s", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(retryDelaySeconds)).toEqual([10, 20, 40, 80, 160, 300, 300]);
  });

  it("drops a malformed message", async () => {
    const result = await deliver("render-jobs", [{ body: { type: "unknown" } as unknown as RenderMessage }]);

    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toHaveLength(0);
  });
});
