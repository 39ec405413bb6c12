import type { Env } from "../../../core/env";
import type { Logger } from "../../../core/logger";
import type { RenderMessage } from "../../../queue/messages";
import { failOutputs, findGeneration, isUnfinished, listOutputs } from "../generations/lifecycle";

export const RETRIES_EXHAUSTED = "Rendering failed after retries";

/**
 * Handles a video-mixer message that used up its retries: a dead variant fails that output, a
 * dead prepare fails every output not yet finished. Their credits are released and the
 * generation status is refreshed. Outputs that finished meanwhile are left as they are.
 */
export async function failDeadVideoMixerMessage(env: Env, body: RenderMessage, log: Logger): Promise<void> {
  const generation = await findGeneration(env, body.generationId);
  if (!generation) {
    log.warn("video-mixer generation of a dead message no longer exists", { generationId: body.generationId });
    return;
  }

  const unfinished = (await listOutputs(env, generation.id))
    .filter((output) => isUnfinished(output.status))
    .map((output) => output.index);
  const indices = body.type === "video-mixer.variant" ? unfinished.filter((index) => index === body.index) : unfinished;

  await failOutputs(env, generation, indices, RETRIES_EXHAUSTED);
  log.warn("video-mixer outputs failed after retries", {
    generationId: generation.id,
    messageType: body.type,
    failed: indices,
  });
}
