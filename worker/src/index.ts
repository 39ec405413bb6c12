import { createApp } from "./app";
import type { Env } from "./core/env";
import { handleRenderQueue } from "./queue/consumer";
import type { RenderMessage } from "./queue/messages";

export { CreditAccount } from "../../durable-objects/src/credit-account";
export { Renderer } from "../../durable-objects/src/renderer-container";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: handleRenderQueue,
} satisfies ExportedHandler<Env, RenderMessage>;
