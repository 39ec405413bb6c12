import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Env } from "../../../core/env";
import { logger } from "../../../core/logger";
import { creditAccount } from "../../../credits/account";
import { getDb, schema } from "../../../db/client";
import { outputThumbnailKey, outputVideoKey } from "../outputs/keys";
import { partKey, reservationKey } from "./credits";

export type GenerationRow = typeof schema.videoMixerGenerations.$inferSelect;
export type OutputRow = typeof schema.videoMixerOutputs.$inferSelect;

const generations = schema.videoMixerGenerations;
const outputs = schema.videoMixerOutputs;

/** Statuses a row may still leave; every update below moves only out of these, never back. */
export const UNFINISHED = ["queued", "processing"] as const;

export function isUnfinished(status: string): boolean {
  return (UNFINISHED as readonly string[]).includes(status);
}

export async function findGeneration(env: Env, generationId: string): Promise<GenerationRow | undefined> {
  const [row] = await getDb(env.DB).select().from(generations).where(eq(generations.id, generationId)).limit(1);
  return row;
}

export async function listOutputs(env: Env, generationId: string): Promise<OutputRow[]> {
  return getDb(env.DB).select().from(outputs).where(eq(outputs.generationId, generationId)).orderBy(asc(outputs.index));
}

export async function findOutput(env: Env, generationId: string, index: number): Promise<OutputRow | undefined> {
  const [row] = await getDb(env.DB)
    .select()
    .from(outputs)
    .where(and(eq(outputs.generationId, generationId), eq(outputs.index, index)))
    .limit(1);
  return row;
}

function outputIs(generationId: string, index: number) {
  return and(eq(outputs.generationId, generationId), eq(outputs.index, index), inArray(outputs.status, UNFINISHED));
}

/** Moves a queued generation to processing; a later status is left alone. */
export async function markGenerationProcessing(env: Env, generationId: string): Promise<void> {
  await getDb(env.DB)
    .update(generations)
    .set({ status: "processing" })
    .where(and(eq(generations.id, generationId), eq(generations.status, "queued")));
}

/** Starts (or restarts) an output; returns false when the output already finished. */
export async function startOutput(env: Env, generationId: string, index: number): Promise<boolean> {
  const rows = await getDb(env.DB)
    .update(outputs)
    .set({ status: "processing", progress: 0.1, attempts: sql`${outputs.attempts} + 1`, updatedAt: new Date() })
    .where(outputIs(generationId, index))
    .returning({ attempts: outputs.attempts });
  return rows.length > 0;
}

export async function setOutputProgress(env: Env, generationId: string, index: number, progress: number) {
  await getDb(env.DB)
    .update(outputs)
    .set({ progress, updatedAt: new Date() })
    .where(and(eq(outputs.generationId, generationId), eq(outputs.index, index), eq(outputs.status, "processing")));
}

export interface StoredOutput {
  durationSeconds: number | null;
  sizeBytes: number;
}

/** Records a stored render as completed; the caller has already captured its credits. */
export async function markOutputCompleted(env: Env, generation: GenerationRow, index: number, stored: StoredOutput) {
  await getDb(env.DB)
    .update(outputs)
    .set({
      status: "completed",
      progress: 1,
      durationSeconds: stored.durationSeconds,
      sizeBytes: stored.sizeBytes,
      objectKey: outputVideoKey(generation.userId, generation.id, index),
      thumbnailKey: outputThumbnailKey(generation.userId, generation.id, index),
      error: null,
      updatedAt: new Date(),
    })
    .where(outputIs(generation.id, index));
}

/**
 * Captures one output's share of the reservation. Returns false when that share was released
 * earlier (the output was failed meanwhile, e.g. by the dead-letter handler), in which case the
 * render must be discarded.
 */
export async function captureOutputCredits(env: Env, generation: GenerationRow, index: number): Promise<boolean> {
  const result = await creditAccount(env, generation.userId).settle(generation.userId, {
    reservationKey: reservationKey(generation.id),
    partKey: partKey(generation.id, index),
    amount: generation.pricePerVariant,
    outcome: "capture",
    reference: generation.id,
  });
  if (!result.ok) {
    // NOTE: this means the ledger and the generation disagree (no reservation, or it is used up).
    // The output is delivered anyway rather than withheld for a bookkeeping error.
    logger.error("capture of video-mixer output credits failed", {
      generationId: generation.id,
      index,
      reason: result.reason,
      held: result.held,
    });
    return true;
  }
  return result.outcome === "capture";
}

/**
 * Fails the given outputs: releases each one's credits, deletes whatever part of its render was
 * stored, marks it failed with `reason`, then refreshes the generation status. An output whose
 * credits were already captured was rendered and stored, so it is completed from R2 instead.
 * Releases come first, so a consumer that finishes a render afterwards cannot capture it.
 */
export async function failOutputs(env: Env, generation: GenerationRow, indices: number[], reason: string) {
  const account = creditAccount(env, generation.userId);
  const failed: number[] = [];

  for (const index of indices) {
    const settled = await account.settle(generation.userId, {
      reservationKey: reservationKey(generation.id),
      partKey: partKey(generation.id, index),
      amount: generation.pricePerVariant,
      outcome: "release",
      reference: generation.id,
    });
    if (!settled.ok) {
      logger.error("release of video-mixer output credits failed", {
        generationId: generation.id,
        index,
        reason: settled.reason,
        held: settled.held,
      });
    }

    if (settled.ok && settled.outcome === "capture" && (await completeFromStorage(env, generation, index))) continue;
    failed.push(index);
  }

  if (failed.length > 0) {
    await env.BUCKET.delete(
      failed.flatMap((index) => [
        outputVideoKey(generation.userId, generation.id, index),
        outputThumbnailKey(generation.userId, generation.id, index),
      ]),
    );
    await markOutputsFailed(env, generation.id, failed, reason);
  }

  await refreshGenerationStatus(env, generation.id);
}

/** Fails every output of the generation that has not finished yet; see failOutputs. */
export async function failUnfinishedOutputs(env: Env, generation: GenerationRow, reason: string): Promise<number[]> {
  const unfinished = (await listOutputs(env, generation.id))
    .filter((output) => isUnfinished(output.status))
    .map((output) => output.index);
  await failOutputs(env, generation, unfinished, reason);
  return unfinished;
}

// D1 binds at most 100 parameters per statement, and this one binds 6 besides the indices.
const INDICES_PER_UPDATE = 50;

/** Marks unfinished outputs failed without settling credits; failOutputs settles them first. */
export async function markOutputsFailed(env: Env, generationId: string, indices: number[], reason: string) {
  const db = getDb(env.DB);
  const now = new Date();
  const statements = [];
  for (let start = 0; start < indices.length; start += INDICES_PER_UPDATE) {
    statements.push(
      db
        .update(outputs)
        .set({ status: "failed", error: reason, updatedAt: now })
        .where(
          and(
            eq(outputs.generationId, generationId),
            inArray(outputs.index, indices.slice(start, start + INDICES_PER_UPDATE)),
            inArray(outputs.status, UNFINISHED),
          ),
        ),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** Completes an output whose capture went through but whose row update was lost. */
async function completeFromStorage(env: Env, generation: GenerationRow, index: number): Promise<boolean> {
  const video = await env.BUCKET.head(outputVideoKey(generation.userId, generation.id, index));
  if (!video) {
    logger.error("captured video-mixer output has no stored video", { generationId: generation.id, index });
    return false;
  }
  const duration = Number(video.customMetadata?.durationSeconds);
  await markOutputCompleted(env, generation, index, {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : null,
    sizeBytes: video.size,
  });
  return true;
}

/**
 * Derives the generation status from its outputs: completed when all completed, failed when all
 * failed, partial for a mix, processing while any is unfinished. The guard on the old status
 * keeps a stale reader from moving a finished generation back.
 */
export async function refreshGenerationStatus(env: Env, generationId: string): Promise<void> {
  const rows = await getDb(env.DB)
    .select({ status: outputs.status, error: outputs.error })
    .from(outputs)
    .where(eq(outputs.generationId, generationId))
    .orderBy(asc(outputs.index));
  if (rows.length === 0) return;

  const failed = rows.filter((row) => row.status === "failed");
  const completed = rows.filter((row) => row.status === "completed");
  const finished = failed.length + completed.length === rows.length;

  let update: Partial<GenerationRow>;
  if (!finished) {
    if (failed.length + completed.length === 0 && rows.every((row) => row.status === "queued")) return;
    update = { status: "processing" };
  } else if (failed.length === 0) {
    update = { status: "completed", error: null, completedAt: new Date() };
  } else if (completed.length === 0) {
    update = { status: "failed", error: failed[0]?.error ?? "Every variant failed", completedAt: new Date() };
  } else {
    update = {
      status: "partial",
      error: `${failed.length} of ${rows.length} variants failed`,
      completedAt: new Date(),
    };
  }

  await getDb(env.DB)
    .update(generations)
    .set(update)
    .where(and(eq(generations.id, generationId), inArray(generations.status, UNFINISHED)));
}
