import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { call, callWithEnv } from "../../../../test/http";
import { deliver, startGeneration } from "../../../../test/video-mixer";
import { creditAccount } from "../../../credits/account";
import { getDb, schema } from "../../../db/client";
import type { RenderMessage } from "../../../queue/messages";
import { pricePerVariant } from "../pricing";
import { DEFAULT_SETTINGS } from "../settings";

const db = getDb(env.DB);
const PRICE = pricePerVariant(DEFAULT_SETTINGS);
const BASE = "/api/apps/video-mixer";

/** Starts a generation of two variants from three clips, prepares it and renders variant 0. */
async function halfRenderedGeneration() {
  const run = await startGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 2);
  const { generationId, overrides } = run;
  await deliver("render-jobs", [{ body: { type: "video-mixer.prepare", generationId } }], overrides);
  await deliver("render-jobs", [{ body: { type: "video-mixer.variant", generationId, index: 0 } }], overrides);
  return run;
}

async function ledgerKinds(userId: string) {
  const rows = await db.select().from(schema.creditLedger).where(eq(schema.creditLedger.userId, userId));
  return rows.map((row) => row.kind);
}

async function outputStatus(generationId: string, index: number) {
  const [row] = await db
    .select({ status: schema.videoMixerOutputs.status })
    .from(schema.videoMixerOutputs)
    .where(and(eq(schema.videoMixerOutputs.generationId, generationId), eq(schema.videoMixerOutputs.index, index)));
  return row?.status;
}

describe("deleting a project with an unfinished generation", () => {
  it("releases the held credits of unfinished outputs", async () => {
    const run = await halfRenderedGeneration();
    const account = creditAccount(env, run.user.id);
    expect(await account.held(run.user.id, `vm-gen:${run.generationId}`)).toBe(PRICE);

    const response = await call(`${BASE}/projects/${run.projectId}`, { method: "DELETE", cookie: run.cookie });

    expect(response.status).toBe(204);
    expect(await account.held(run.user.id, `vm-gen:${run.generationId}`)).toBe(0);
    // Variant 0 was rendered and stays paid for; variant 1 is refunded.
    expect(await account.getBalance(run.user.id)).toBe(100 - PRICE);
    expect((await ledgerKinds(run.user.id)).filter((kind) => kind === "job_release")).toHaveLength(1);
    const leftovers = await db
      .select()
      .from(schema.videoMixerGenerations)
      .where(eq(schema.videoMixerGenerations.id, run.generationId));
    expect(leftovers).toEqual([]);
  });

  it("keeps a racing consumer from capturing", async () => {
    const run = await halfRenderedGeneration();
    await call(`${BASE}/projects/${run.projectId}`, { method: "DELETE", cookie: run.cookie });

    const late = await creditAccount(env, run.user.id).settle(run.user.id, {
      reservationKey: `vm-gen:${run.generationId}`,
      partKey: `vm-gen:${run.generationId}:1`,
      amount: PRICE,
      outcome: "capture",
      reference: run.generationId,
    });

    expect(late).toMatchObject({ ok: true, replayed: true, outcome: "release" });
    expect(await creditAccount(env, run.user.id).getBalance(run.user.id)).toBe(100 - PRICE);
  });

  it("marks the outputs failed before removing the rows", async () => {
    const run = await halfRenderedGeneration();
    // A failing R2 listing stops the delete after the release, while the rows still exist.
    const brokenBucket = new Proxy(env.BUCKET, {
      get(target, property) {
        if (property === "list") return () => Promise.reject(new Error("R2 list failed (test)"));
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });

    const response = await callWithEnv({ BUCKET: brokenBucket }, `${BASE}/projects/${run.projectId}`, {
      method: "DELETE",
      cookie: run.cookie,
    });

    expect(response.status).toBe(500);
    expect(await outputStatus(run.generationId, 0)).toBe("completed");
    expect(await outputStatus(run.generationId, 1)).toBe("failed");
    const [generation] = await db
      .select()
      .from(schema.videoMixerGenerations)
      .where(eq(schema.videoMixerGenerations.id, run.generationId));
    expect(generation?.status).toBe("partial");
    expect(await creditAccount(env, run.user.id).held(run.user.id, `vm-gen:${run.generationId}`)).toBe(0);
  });

  it("has the consumer drop messages of the deleted generation", async () => {
    const run = await halfRenderedGeneration();
    await call(`${BASE}/projects/${run.projectId}`, { method: "DELETE", cookie: run.cookie });
    const messages: RenderMessage[] = [
      { type: "video-mixer.prepare", generationId: run.generationId },
      { type: "video-mixer.variant", generationId: run.generationId, index: 1 },
    ];

    const live = await deliver(
      "render-jobs",
      messages.map((body) => ({ body })),
      run.overrides,
    );
    const dead = await deliver(
      "render-jobs-dlq",
      messages.map((body) => ({ body, attempts: 4 })),
      run.overrides,
    );

    expect(live.explicitAcks).toHaveLength(2);
    expect(live.retryMessages).toEqual([]);
    expect(dead.explicitAcks).toHaveLength(2);
    expect(dead.retryMessages).toEqual([]);
    expect(await creditAccount(env, run.user.id).getBalance(run.user.id)).toBe(100 - PRICE);
  });
});

describe("deleting a clip", () => {
  it("answers 409 while an unfinished generation uses it", async () => {
    const run = await halfRenderedGeneration();
    const clipId = run.clipIds[0] as string;

    const response = await call(`${BASE}/clips/${clipId}`, { method: "DELETE", cookie: run.cookie });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("conflict");
    expect(response.body.error.message).toMatch(/still rendering/);
    expect(response.body.error.details).toEqual({ generationId: run.generationId });
    const clips = await call(`${BASE}/projects/${run.projectId}/clips`, { cookie: run.cookie });
    expect(clips.body.items.map((clip: { id: string }) => clip.id)).toContain(clipId);
  });

  it("deletes it once the generation finished, keeping the outputs", async () => {
    const run = await halfRenderedGeneration();
    await deliver(
      "render-jobs",
      [{ body: { type: "video-mixer.variant", generationId: run.generationId, index: 1 } }],
      run.overrides,
    );

    const response = await call(`${BASE}/clips/${run.clipIds[0]}`, { method: "DELETE", cookie: run.cookie });

    expect(response.status).toBe(204);
    const generation = await call(`${BASE}/generations/${run.generationId}`, { cookie: run.cookie });
    expect(generation.body.status).toBe("completed");
    const video = await call(`${BASE}/generations/${run.generationId}/outputs/1`, { cookie: run.cookie });
    expect(video.status).toBe(200);
  });
});
