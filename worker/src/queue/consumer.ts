import { failDeadVideoMixerMessage } from "../apps/video-mixer/consumer/dead-letter";
import { prepareGeneration } from "../apps/video-mixer/consumer/prepare";
import { renderVariant } from "../apps/video-mixer/consumer/variant";
import type { Env } from "../core/env";
import { type Logger, logger } from "../core/logger";
import { RendererJobLimiter } from "../renderer/job-limiter";
import { recordDeadLetter } from "./dead-letters";
import { RENDER_DEAD_LETTER_QUEUE_NAME, RENDER_QUEUE_NAME, type RenderMessage, renderMessageSchema } from "./messages";

// Retry delays double from 10 s; the queue's max_retries (3 in wrangler.toml) bounds the count.
// A renderer at capacity replies 503 `busy`, and RendererJobLimiter waits and runs the job again
// before that error reaches the queue and spends a retry.
const FIRST_RETRY_DELAY_SECONDS = 10;
const MAX_RETRY_DELAY_SECONDS = 300;

/** Seconds to wait before delivery number `attempts + 1`: 10, 20, 40, ... up to 300. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_DELAY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_SECONDS);
}

/**
 * Consumes `render-jobs` and its dead-letter queue. Messages of one batch run concurrently and
 * are acknowledged or retried one by one, so one slow or failing render does not hold back the
 * others. Their renderer jobs share one limiter, so an invocation never has more jobs in flight
 * than one renderer runs at once. On the last attempt (1 + max_retries), `retry()` makes the
 * queue move the message to `render-jobs-dlq` instead, where `consumeDead` fails its outputs.
 */
export async function handleRenderQueue(batch: MessageBatch<RenderMessage>, env: Env, _ctx: ExecutionContext) {
  if (batch.queue === RENDER_DEAD_LETTER_QUEUE_NAME) {
    await Promise.all(batch.messages.map((message) => consumeDead(message, env)));
    return;
  }
  const jobs = new RendererJobLimiter(logger.child({ queue: RENDER_QUEUE_NAME }));
  await Promise.all(batch.messages.map((message) => consumeLive(message, env, jobs)));
}

async function consumeLive(message: Message<unknown>, env: Env, jobs: RendererJobLimiter) {
  const log = logger.child({ queue: RENDER_QUEUE_NAME, messageId: message.id, attempts: message.attempts });
  const body = parseBody(message, log);
  if (!body) return;

  try {
    await runMessage(body, env, log, jobs);
    message.ack();
  } catch (error) {
    const delaySeconds = retryDelaySeconds(message.attempts);
    log.warn("render message failed; retrying", { body, delaySeconds, error });
    message.retry({ delaySeconds });
  }
}

async function runMessage(body: RenderMessage, env: Env, log: Logger, jobs: RendererJobLimiter) {
  switch (body.type) {
    case "video-mixer.prepare":
      return prepareGeneration(env, body.generationId, log, jobs);
    case "video-mixer.variant":
      return renderVariant(env, body.generationId, body.index, log, jobs);
  }
}

async function consumeDead(message: Message<unknown>, env: Env) {
  const log = logger.child({ queue: RENDER_DEAD_LETTER_QUEUE_NAME, messageId: message.id, attempts: message.attempts });

  try {
    await recordDeadLetter(env, RENDER_QUEUE_NAME, message);
    const body = parseBody(message, log);
    if (body) await failDeadVideoMixerMessage(env, body, log);
    message.ack();
  } catch (error) {
    // NOTE: nothing catches what this queue gives up on. After its own retries the message is
    // dropped, so only the dead_letters row, if it was written, points at the held credits.
    log.error("dead render message could not be handled; retrying", { error });
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}

/** Validates a message body; a malformed one is acknowledged and logged, since no retry can fix it. */
function parseBody(message: Message<unknown>, log: Logger): RenderMessage | null {
  const parsed = renderMessageSchema.safeParse(message.body);
  if (parsed.success) return parsed.data;
  log.error("render message body is invalid; dropped", { body: message.body, issues: parsed.error.issues });
  message.ack();
  return null;
}
