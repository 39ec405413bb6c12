import type { Env } from "../core/env";
import { getDb, schema } from "../db/client";

/**
 * Stores a message that used up its retries on `queue`, for inspection and replay. The unique
 * (queue, message id) index makes a redelivered dead letter a no-op.
 */
export async function recordDeadLetter(env: Env, queue: string, message: Message<unknown>): Promise<void> {
  await getDb(env.DB)
    .insert(schema.deadLetters)
    .values({
      id: crypto.randomUUID(),
      queue,
      messageId: message.id,
      body: message.body,
      attempts: message.attempts,
    })
    .onConflictDoNothing();
}
