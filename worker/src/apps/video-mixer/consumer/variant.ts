import type { Env } from "../../../core/env";
import type { Logger } from "../../../core/logger";
import { type AssembleSegment, assembleToR2 } from "../../../renderer/assemble";
import type { RendererJobLimiter } from "../../../renderer/job-limiter";
import {
  captureOutputCredits,
  failOutputs,
  findGeneration,
  findOutput,
  type GenerationRow,
  markGenerationProcessing,
  markOutputCompleted,
  refreshGenerationStatus,
  setOutputProgress,
  startOutput,
} from "../generations/lifecycle";
import { outputThumbnailKey, outputVideoKey } from "../outputs/keys";
import { METADATA_TAGS } from "../settings";
import { ensureNormalized, loadClips } from "./clips";
import { permanentFailureReason } from "./errors";
import { outputProfile } from "./profile";
import { InvalidJobError, parsePlan, parseSettings } from "./stored-plan";

/**
 * Handles `video-mixer.variant`: renders one output, stores its MP4 and thumbnail, captures its
 * credits and marks it completed. A permanent failure fails the output and releases its credits;
 * a transient one is thrown so that the queue retries. Redelivery is safe: a finished output is
 * skipped, R2 writes overwrite the same keys and the capture is settled once per output.
 * Renderer jobs run through `jobs`, which bounds how many run at once.
 */
export async function renderVariant(
  env: Env,
  generationId: string,
  index: number,
  log: Logger,
  jobs: RendererJobLimiter,
): Promise<void> {
  const generation = await findGeneration(env, generationId);
  if (!generation) {
    log.warn("video-mixer generation no longer exists; variant dropped", { generationId, index });
    return;
  }
  if (!(await startOutput(env, generationId, index))) return;
  await markGenerationProcessing(env, generationId);

  let stored: Awaited<ReturnType<typeof assembleToR2>>;
  try {
    stored = await assemble(env, jobs, generation, index, log);
  } catch (error) {
    const reason = permanentFailureReason(error);
    if (reason === null) throw error;
    log.warn("video-mixer variant failed permanently", { generationId, index, reason, error });
    await failOutputs(env, generation, [index], reason);
    return;
  }

  // Capture before marking completed: a crash in between is redelivered, renders again and
  // finds the capture already settled, so the output is never completed without being paid.
  if (!(await captureOutputCredits(env, generation, index))) {
    log.warn("video-mixer variant finished after its credits were released; render discarded", {
      generationId,
      index,
    });
    await env.BUCKET.delete([
      outputVideoKey(generation.userId, generationId, index),
      outputThumbnailKey(generation.userId, generationId, index),
    ]);
    return;
  }
  await markOutputCompleted(env, generation, index, stored);
  await refreshGenerationStatus(env, generationId);
  log.info("video-mixer variant rendered", {
    generationId,
    index,
    sizeBytes: stored.sizeBytes,
    durationSeconds: stored.durationSeconds,
    renderMode: stored.renderMode,
  });
}

// Progress while the renderer works: 0.1 when started, up to 0.9 when it replies, 1 when stored.
const STARTED_PROGRESS = 0.1;
const RENDERED_PROGRESS = 0.9;
// Smaller steps are not written, so a render costs a handful of D1 writes.
const MIN_PROGRESS_STEP = 0.05;

async function assemble(env: Env, jobs: RendererJobLimiter, generation: GenerationRow, index: number, log: Logger) {
  const output = await findOutput(env, generation.id, index);
  if (!output) throw new InvalidJobError(`output ${index} of generation ${generation.id} does not exist`);
  const settings = parseSettings(generation.settings, generation.id);
  const plan = parsePlan(output.plan, generation.id, index);
  const profile = outputProfile(settings);

  // Prepare normalized every clip already; this only repeats work if a normalized copy was removed since.
  const clipIds = [...new Set(plan.segments.map((segment) => segment.clipId))];
  const clips = await loadClips(env, generation.projectId, clipIds);
  const keys = new Map<string, string>();
  for (const clipId of clipIds) {
    const clip = clips.get(clipId);
    if (!clip) throw new InvalidJobError("A clip used by this variant was deleted");
    keys.set(clipId, await ensureNormalized(env, jobs, clip, profile));
  }

  const segments: AssembleSegment[] = plan.segments.map((segment) => ({
    key: keys.get(segment.clipId) as string,
    trimStart: segment.trimStart,
    trimDuration: segment.trimDuration,
    speed: segment.speed,
  }));
  const assembleOutput = {
    ...profile,
    audio: settings.audio,
    durationSeconds: settings.duration.mode === "fixed" ? settings.duration.seconds : null,
    metadata: METADATA_TAGS[settings.metadataSource],
  };
  const targets = {
    videoKey: outputVideoKey(generation.userId, generation.id, index),
    thumbnailKey: outputThumbnailKey(generation.userId, generation.id, index),
  };
  return jobs.run(() => {
    // A new id for every run, so that a poll never reads an earlier attempt's job.
    const jobId = `vm-${crypto.randomUUID()}`;
    let written = STARTED_PROGRESS;
    const onProgress = async (fraction: number) => {
      const progress = STARTED_PROGRESS + (RENDERED_PROGRESS - STARTED_PROGRESS) * fraction;
      if (progress - written < MIN_PROGRESS_STEP) return;
      written = progress;
      await setOutputProgress(env, generation.id, index, progress);
    };
    return assembleToR2(
      env,
      segments,
      assembleOutput,
      targets,
      () => setOutputProgress(env, generation.id, index, RENDERED_PROGRESS),
      { jobId, onProgress, log: log.child({ generationId: generation.id, index }) },
    );
  });
}
