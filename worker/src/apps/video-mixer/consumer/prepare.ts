import type { Env } from "../../../core/env";
import type { Logger } from "../../../core/logger";
import type { RenderMessage } from "../../../queue/messages";
import type { RendererJobLimiter } from "../../../renderer/job-limiter";
import {
  failOutputs,
  findGeneration,
  type GenerationRow,
  listOutputs,
  markGenerationProcessing,
} from "../generations/lifecycle";
import type { ClipRow } from "../service/clips";
import { ensureNormalized, forEachLimited, loadClips } from "./clips";
import { permanentFailureReason } from "./errors";
import { outputProfile } from "./profile";
import { InvalidJobError, parsePlan, parseSettings, type StoredPlan } from "./stored-plan";

// Queues accept at most 100 messages per sendBatch call.
const SEND_BATCH_SIZE = 100;

const CLIP_DELETED = "A clip used by this variant was deleted";

/**
 * Handles `video-mixer.prepare`: normalizes every clip the unfinished outputs use, fails the
 * outputs whose clips cannot be used, and enqueues one variant message per output still queued.
 * A redelivery skips clips already normalized and outputs already started or finished.
 * Transient errors are thrown so that the queue retries the message. Renderer jobs run through
 * `jobs`, which bounds how many run at once.
 */
export async function prepareGeneration(
  env: Env,
  generationId: string,
  log: Logger,
  jobs: RendererJobLimiter,
): Promise<void> {
  const generation = await findGeneration(env, generationId);
  if (!generation) {
    log.warn("video-mixer generation no longer exists; prepare dropped", { generationId });
    return;
  }
  if (generation.status !== "queued" && generation.status !== "processing") return;
  await markGenerationProcessing(env, generationId);

  const pending = (await listOutputs(env, generationId)).filter((output) => output.status === "queued");
  if (pending.length === 0) return;

  let settings: ReturnType<typeof parseSettings>;
  try {
    settings = parseSettings(generation.settings, generationId);
  } catch (error) {
    if (!(error instanceof InvalidJobError)) throw error;
    await failOutputs(
      env,
      generation,
      pending.map((output) => output.index),
      error.message,
    );
    return;
  }

  const plans = new Map<number, StoredPlan>();
  const failures = new Map<number, string>();
  for (const output of pending) {
    try {
      plans.set(output.index, parsePlan(output.plan, generationId, output.index));
    } catch (error) {
      if (!(error instanceof InvalidJobError)) throw error;
      failures.set(output.index, error.message);
    }
  }

  const clipIds = [...new Set([...plans.values()].flatMap((plan) => plan.segments.map((segment) => segment.clipId)))];
  const clips = await loadClips(env, generation.projectId, clipIds);
  const clipFailures = await normalizeClips(env, jobs, [...clips.values()], outputProfile(settings), log);

  for (const [index, plan] of plans) {
    for (const segment of plan.segments) {
      const reason = clips.has(segment.clipId) ? clipFailures.get(segment.clipId) : CLIP_DELETED;
      if (reason && !failures.has(index)) failures.set(index, reason);
    }
  }
  await failByReason(env, generation, failures);

  const ready = pending.map((output) => output.index).filter((index) => !failures.has(index));
  await enqueueVariants(env, generationId, ready);
  log.info("video-mixer generation prepared", {
    generationId,
    clips: clips.size,
    variantsQueued: ready.length,
    variantsFailed: failures.size,
  });
}

/**
 * Normalizes each clip once; returns the reason for each clip that can never be used. A
 * transient failure is thrown after the other clips finish, so a retry has less left to do.
 */
async function normalizeClips(
  env: Env,
  jobs: RendererJobLimiter,
  clips: ClipRow[],
  profile: ReturnType<typeof outputProfile>,
  log: Logger,
) {
  const failures = new Map<string, string>();
  let transient: unknown = null;

  // More clips at once would only wait for a renderer slot.
  await forEachLimited(clips, jobs.limit, async (clip) => {
    try {
      await ensureNormalized(env, jobs, clip, profile);
    } catch (error) {
      const reason = permanentFailureReason(error);
      if (reason === null) {
        transient ??= error;
        return;
      }
      log.warn("video-mixer clip cannot be normalized", { clipId: clip.id, reason, error });
      failures.set(clip.id, `Clip "${clip.fileName}" cannot be used. ${reason}`);
    }
  });

  if (transient) throw transient;
  return failures;
}

async function failByReason(env: Env, generation: GenerationRow, failures: Map<number, string>) {
  const byReason = new Map<string, number[]>();
  for (const [index, reason] of failures) byReason.set(reason, [...(byReason.get(reason) ?? []), index]);
  for (const [reason, indices] of byReason) await failOutputs(env, generation, indices, reason);
}

async function enqueueVariants(env: Env, generationId: string, indices: number[]) {
  for (let start = 0; start < indices.length; start += SEND_BATCH_SIZE) {
    const messages = indices.slice(start, start + SEND_BATCH_SIZE).map((index) => ({
      body: { type: "video-mixer.variant", generationId, index } satisfies RenderMessage,
    }));
    await env.RENDER_QUEUE.sendBatch(messages);
  }
}
