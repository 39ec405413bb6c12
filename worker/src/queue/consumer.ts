import type { Env } from "../core/env";
import type { RenderMessage } from "./messages";

export async function handleRenderQueue(batch: MessageBatch<RenderMessage>, _env: Env, _ctx: ExecutionContext) {
  for (const message of batch.messages) message.retry();
}
