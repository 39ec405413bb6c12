import { createApp } from "./app";
import type { Env } from "./core/env";
import { handleRenderQueue } from "./queue/consumer";
import type { RenderMessage } from "./queue/messages";
import { handleScheduled } from "./scheduled";

export { CreditAccount } from "../../durable-objects/src/credit-account";
export { Renderer } from "../../durable-objects/src/renderer-container";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: handleRenderQueue,
  scheduled: (controller, env, ctx) => ctx.waitUntil(handleScheduled(controller, env)),
} satisfies ExportedHandler<Env, RenderMessage>;
