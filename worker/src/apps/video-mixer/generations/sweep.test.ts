import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import {
  createProjectWithClips,
  deliver,
  recordingQueue,
  signUpUser,
  startGeneration,
} from "../../../../test/video-mixer";
import { creditAccount } from "../../../credits/account";
import { getDb, schema } from "../../../db/client";
import type { RenderMessage } from "../../../queue/messages";
import { handleScheduled } from "../../../scheduled";
import { pricePerVariant } from "../pricing";
import { DEFAULT_SETTINGS } from "../settings";
import { NEVER_RESERVED, NEVER_STARTED, STALLED, sweepStuckGenerations } from "./sweep";

const db = getDb(env.DB);
const PRICE = pricePerVariant(DEFAULT_SETTINGS);
const MINUTE = 60_000;

/** Creates a generation of `count` variants through the API and delivers nothing yet. */
async function queuedGeneration(count = 2) {
  const run = await startGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], count);
  const createdAt = (await generation(run.generationId))?.createdAt as Date;
  return { ...run, createdAt, env: { ...env, ...run.overrides } };
}

/** Inserts the rows of a generation whose request stopped before it reserved anything. */
async function unreservedGeneration() {
  const { user } = await signUpUser();
  const { projectId } = await createProjectWithClips(user.id, ["clip-a"]);
  const generationId = crypto.randomUUID();
  const createdAt = new Date();
  await db.insert(schema.videoMixerGenerations).values({
    id: generationId,
    projectId,
    userId: user.id,
    count: 2,
    pricePerVariant: PRICE,
    cost: 2 * PRICE,
    settings: DEFAULT_SETTINGS,
    createdAt,
  });
  const plan = { segments: [{ clipId: "x", trimStart: 0, trimDuration: null, speed: 1 }], durationSeconds: 2 };
  await db.insert(schema.videoMixerOutputs).values([
    { generationId, index: 0, plan },
    { generationId, index: 1, plan },
  ]);
  return { user, generationId, createdAt };
}

async function generation(generationId: string) {
  const [row] = await db
    .select()
    .from(schema.videoMixerGenerations)
    .where(eq(schema.videoMixerGenerations.id, generationId));
  return row;
}

async function output(generationId: string, index: number) {
  const [row] = await db
    .select()
    .from(schema.videoMixerOutputs)
    .where(and(eq(schema.videoMixerOutputs.generationId, generationId), eq(schema.videoMixerOutputs.index, index)));
  return row;
}

async function releases(userId: string) {
  const rows = await db.select().from(schema.creditLedger).where(eq(schema.creditLedger.userId, userId));
  return rows.filter((row) => row.kind === "job_release").length;
}

const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);
const prepares = (sent: RenderMessage[], generationId: string) =>
  sent.filter((message) => message.type === "video-mixer.prepare" && message.generationId === generationId);

describe("sweepStuckGenerations", () => {
  it("resends the prepare of a reserved queued generation once", async () => {
    const run = await queuedGeneration();

    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 9));
    expect(prepares(run.sent, run.generationId)).toHaveLength(1);

    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 11));
    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 16));
    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 21));

    expect(prepares(run.sent, run.generationId)).toHaveLength(2);
    expect((await generation(run.generationId))?.requeuedAt).toEqual(minutesAfter(run.createdAt, 11));
    expect(await creditAccount(env, run.user.id).held(run.user.id, `vm-gen:${run.generationId}`)).toBe(2 * PRICE);

    const prepared = await deliver("render-jobs", [{ body: prepares(run.sent, run.generationId)[1]! }], run.overrides);
    expect(prepared.explicitAcks).toHaveLength(1);
    expect((await generation(run.generationId))?.status).toBe("processing");
  });

  it("tries the resend again when the queue send fails", async () => {
    const run = await queuedGeneration();
    const broken = recordingQueue({ failSend: true });

    await sweepStuckGenerations({ ...run.env, RENDER_QUEUE: broken.queue }, minutesAfter(run.createdAt, 11));
    expect((await generation(run.generationId))?.requeuedAt).toBeNull();

    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 16));
    expect(prepares(run.sent, run.generationId)).toHaveLength(2);
  });

  it("fails a queued generation that never reserved credits", async () => {
    const run = await unreservedGeneration();
    const recorder = recordingQueue();
    const sweepEnv = { ...env, RENDER_QUEUE: recorder.queue };

    await sweepStuckGenerations(sweepEnv, minutesAfter(run.createdAt, 11));
    await sweepStuckGenerations(sweepEnv, minutesAfter(run.createdAt, 16));

    const row = await generation(run.generationId);
    expect(row?.status).toBe("failed");
    expect(row?.error).toBe(NEVER_RESERVED);
    expect(row?.completedAt).not.toBeNull();
    for (const index of [0, 1]) expect((await output(run.generationId, index))?.status).toBe("failed");
    expect(prepares(recorder.sent, run.generationId)).toHaveLength(0);
    expect(await creditAccount(env, run.user.id).getBalance(run.user.id)).toBe(100);
    expect(await releases(run.user.id)).toBe(0);
  });

  it("fails and releases a generation still queued an hour after its resend", async () => {
    const run = await queuedGeneration();
    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 11));

    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 60));
    expect((await generation(run.generationId))?.status).toBe("queued");

    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 72));
    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 77));

    const row = await generation(run.generationId);
    expect(row?.status).toBe("failed");
    expect(row?.error).toBe(NEVER_STARTED);
    expect(await creditAccount(env, run.user.id).getBalance(run.user.id)).toBe(100);
    expect(await releases(run.user.id)).toBe(2);
  });

  it("fails and releases outputs that stalled while processing", async () => {
    const run = await queuedGeneration();
    await deliver(
      "render-jobs",
      [{ body: { type: "video-mixer.prepare", generationId: run.generationId } }],
      run.overrides,
    );
    await deliver(
      "render-jobs",
      [{ body: { type: "video-mixer.variant", generationId: run.generationId, index: 0 } }],
      run.overrides,
    );
    const updatedAt = (await output(run.generationId, 1))?.updatedAt as Date;

    await sweepStuckGenerations(run.env, minutesAfter(updatedAt, 59));
    expect((await output(run.generationId, 1))?.status).toBe("queued");

    await sweepStuckGenerations(run.env, minutesAfter(updatedAt, 61));
    await sweepStuckGenerations(run.env, minutesAfter(updatedAt, 66));

    expect((await output(run.generationId, 0))?.status).toBe("completed");
    expect(await output(run.generationId, 1)).toMatchObject({ status: "failed", error: STALLED });
    expect((await generation(run.generationId))?.status).toBe("partial");
    expect(await creditAccount(env, run.user.id).getBalance(run.user.id)).toBe(100 - PRICE);
    expect(await creditAccount(env, run.user.id).held(run.user.id, `vm-gen:${run.generationId}`)).toBe(0);
    expect(await releases(run.user.id)).toBe(1);
  });

  it("finishes a generation whose outputs all finished", async () => {
    const run = await queuedGeneration(1);
    await deliver(
      "render-jobs",
      [{ body: { type: "video-mixer.prepare", generationId: run.generationId } }],
      run.overrides,
    );
    await deliver(
      "render-jobs",
      [{ body: { type: "video-mixer.variant", generationId: run.generationId, index: 0 } }],
      run.overrides,
    );
    // A crash between the output update and the status refresh.
    await db
      .update(schema.videoMixerGenerations)
      .set({ status: "processing", completedAt: null })
      .where(eq(schema.videoMixerGenerations.id, run.generationId));

    await sweepStuckGenerations(run.env, minutesAfter(run.createdAt, 11));

    const row = await generation(run.generationId);
    expect(row?.status).toBe("completed");
    expect(row?.completedAt).not.toBeNull();
  });

  it("runs from the Cron Trigger", async () => {
    const run = await unreservedGeneration();
    const controller = { scheduledTime: minutesAfter(run.createdAt, 11).getTime(), cron: "*/5 * * * *" };

    await handleScheduled(controller as ScheduledController, { ...env, RENDER_QUEUE: recordingQueue().queue });

    expect((await generation(run.generationId))?.status).toBe("failed");
  });
});
