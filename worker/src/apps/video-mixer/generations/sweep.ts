import { and, asc, eq, exists, inArray, isNull, lt, notExists } from "drizzle-orm";
import type { Env } from "../../../core/env";
import { logger } from "../../../core/logger";
import { creditAccount } from "../../../credits/account";
import { getDb, schema } from "../../../db/client";
import type { RenderMessage } from "../../../queue/messages";
import { reservationKey } from "./credits";
import {
  failOutputs,
  failUnfinishedOutputs,
  type GenerationRow,
  isUnfinished,
  listOutputs,
  markOutputsFailed,
  refreshGenerationStatus,
  UNFINISHED,
} from "./lifecycle";

const generations = schema.videoMixerGenerations;
const outputs = schema.videoMixerOutputs;

/** A generation still queued this long after it was created is stuck before its first job. */
export const QUEUED_TIMEOUT_MS = 10 * 60_000;
/** An unfinished output not updated this long is stuck, because the renderer stops every job after 10 minutes. */
export const STALLED_OUTPUT_MS = 60 * 60_000;

// Generations handled per kind of stuck work in one run. The next run, 5 minutes later, continues.
const GENERATIONS_PER_RUN = 20;
// Each output failed with a release is one CreditAccount call. Stopping after about this many
// keeps a run well inside the subrequest limit of one Worker invocation.
const RELEASES_PER_RUN = 300;

export const NEVER_RESERVED = "The generation did not start; no credits were taken";
export const NEVER_STARTED = "Rendering did not start; the credits were returned";
export const STALLED = "Rendering stopped responding; the credits were returned";

export interface SweepResult {
  /** Generations whose prepare message was sent again. */
  requeued: number;
  /** Outputs marked failed, with or without a release. */
  failedOutputs: number;
  /** Generations whose status was derived again from outputs that had all finished. */
  refreshed: number;
}

/**
 * Repairs generations that a crash left unfinished, for the Cron Trigger. A generation still
 * queued 10 minutes after creation, with no output started, gets its prepare message sent again
 * once if its credits are reserved, and is failed if they are not. If it is still untouched 60
 * minutes after that resend, its outputs are failed and released. Unfinished outputs of a
 * processing generation that were not updated for 60 minutes are failed and released too.
 * Every step changes rows that the next run no longer selects, so running it again is harmless.
 */
export async function sweepStuckGenerations(env: Env, now: Date): Promise<SweepResult> {
  const result: SweepResult = { requeued: 0, failedOutputs: 0, refreshed: 0 };
  const budget = { releases: RELEASES_PER_RUN };

  for (const generation of await queuedTooLong(env, now)) {
    if (budget.releases <= 0) break;
    await repairQueued(env, generation, now, result, budget);
  }

  for (const generation of await withStalledOutputs(env, now)) {
    if (budget.releases <= 0) break;
    const cutoff = now.getTime() - STALLED_OUTPUT_MS;
    const stalled = (await listOutputs(env, generation.id))
      .filter((output) => isUnfinished(output.status) && output.updatedAt.getTime() < cutoff)
      .map((output) => output.index);
    await failOutputs(env, generation, stalled, STALLED);
    budget.releases -= stalled.length;
    result.failedOutputs += stalled.length;
    logger.warn("video-mixer outputs stalled; failed and released", { generationId: generation.id, stalled });
  }

  // A crash between an output's last update and the status refresh leaves the generation unfinished.
  for (const generation of await withEveryOutputFinished(env, now)) {
    await refreshGenerationStatus(env, generation.id);
    result.refreshed += 1;
  }

  if (result.requeued + result.failedOutputs + result.refreshed > 0) {
    logger.info("video-mixer stuck generations swept", { ...result });
  }
  return result;
}

async function repairQueued(
  env: Env,
  generation: GenerationRow,
  now: Date,
  result: SweepResult,
  budget: { releases: number },
) {
  const rows = await listOutputs(env, generation.id);
  // An output that has started belongs to a job the queue still delivers.
  if (rows.some((output) => output.status !== "queued")) return;
  const indices = rows.map((output) => output.index);

  const heldCredits = await creditAccount(env, generation.userId).held(
    generation.userId,
    reservationKey(generation.id),
  );
  if (heldCredits === 0) {
    // The request stopped before reserving, so there is nothing to release.
    await markOutputsFailed(env, generation.id, indices, NEVER_RESERVED);
    await refreshGenerationStatus(env, generation.id);
    result.failedOutputs += indices.length;
    logger.warn("video-mixer generation was never reserved; failed", { generationId: generation.id });
    return;
  }

  if (generation.requeuedAt === null) {
    if (await resendPrepare(env, generation.id, now)) result.requeued += 1;
    return;
  }

  if (generation.requeuedAt.getTime() <= now.getTime() - STALLED_OUTPUT_MS) {
    const failed = await failUnfinishedOutputs(env, generation, NEVER_STARTED);
    budget.releases -= failed.length;
    result.failedOutputs += failed.length;
    logger.warn("video-mixer generation never started after its prepare was resent; failed and released", {
      generationId: generation.id,
    });
  }
}

/**
 * Claims the one resend by setting `requeuedAt`, then sends. A failed send gives the claim back,
 * so the next run tries again. Returns whether the message was sent.
 */
async function resendPrepare(env: Env, generationId: string, now: Date): Promise<boolean> {
  const db = getDb(env.DB);
  const claimed = await db
    .update(generations)
    .set({ requeuedAt: now })
    .where(and(eq(generations.id, generationId), eq(generations.status, "queued"), isNull(generations.requeuedAt)))
    .returning({ id: generations.id });
  if (claimed.length === 0) return false;

  try {
    await env.RENDER_QUEUE.send({ type: "video-mixer.prepare", generationId } satisfies RenderMessage);
  } catch (error) {
    logger.error("resending a video-mixer prepare failed; the next sweep tries again", { generationId, error });
    await db.update(generations).set({ requeuedAt: null }).where(eq(generations.id, generationId));
    return false;
  }
  logger.warn("video-mixer generation stuck in queued; prepare resent", { generationId });
  return true;
}

async function queuedTooLong(env: Env, now: Date) {
  return getDb(env.DB)
    .select()
    .from(generations)
    .where(
      and(eq(generations.status, "queued"), lt(generations.createdAt, new Date(now.getTime() - QUEUED_TIMEOUT_MS))),
    )
    .orderBy(asc(generations.createdAt))
    .limit(GENERATIONS_PER_RUN);
}

async function withStalledOutputs(env: Env, now: Date) {
  const db = getDb(env.DB);
  const stalled = db
    .select({ index: outputs.index })
    .from(outputs)
    .where(
      and(
        eq(outputs.generationId, generations.id),
        inArray(outputs.status, UNFINISHED),
        lt(outputs.updatedAt, new Date(now.getTime() - STALLED_OUTPUT_MS)),
      ),
    );
  return db
    .select()
    .from(generations)
    .where(and(eq(generations.status, "processing"), exists(stalled)))
    .orderBy(asc(generations.createdAt))
    .limit(GENERATIONS_PER_RUN);
}

async function withEveryOutputFinished(env: Env, now: Date) {
  const db = getDb(env.DB);
  const anyOutput = db.select({ index: outputs.index }).from(outputs).where(eq(outputs.generationId, generations.id));
  const unfinished = db
    .select({ index: outputs.index })
    .from(outputs)
    .where(and(eq(outputs.generationId, generations.id), inArray(outputs.status, UNFINISHED)));
  return db
    .select({ id: generations.id })
    .from(generations)
    .where(
      and(
        inArray(generations.status, UNFINISHED),
        lt(generations.createdAt, new Date(now.getTime() - QUEUED_TIMEOUT_MS)),
        exists(anyOutput),
        notExists(unfinished),
      ),
    )
    .orderBy(asc(generations.createdAt))
    .limit(GENERATIONS_PER_RUN);
}
