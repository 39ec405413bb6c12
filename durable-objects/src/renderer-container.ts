import { Container } from "@cloudflare/containers";
import type { Env } from "../../worker/src/core/env";

/**
 * The ffmpeg renderer in production: the image built from renderer/Dockerfile, listening on
 * 8080. Local dev and tests run the same service as a Node process at RENDERER_URL instead,
 * because they have no Docker daemon.
 */
export class Renderer extends Container<Env> {
  override defaultPort = 8080;
  override sleepAfter = "5m";

  constructor(ctx: DurableObjectState<Record<string, never>>, env: Env) {
    super(ctx, env);
    // The renderer rejects requests that do not carry this shared secret.
    this.envVars = { PORT: "8080", RENDERER_SECRET: env.RENDERER_SECRET };
  }
}
