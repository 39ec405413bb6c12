import { getRandom } from "@cloudflare/containers";
import type { Env } from "../core/env";
import { loadConfig } from "../core/env";

// Spread renders over this many container instances; matches `max_instances` in wrangler.toml.
const CONTAINER_INSTANCES = 4;

/** A renderer reply that is not 2xx, with the `code` from its error body. */
export class RendererError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The reply's Retry-After in seconds, when it had a valid one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "RendererError";
  }

  /** 4xx means the input or spec is wrong: retrying cannot help. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }

  /** The renderer was running its maximum number of jobs and did not start this one. */
  get busy(): boolean {
    return this.status === 503 && this.code === "busy";
  }
}

export interface RendererFetchOptions {
  /**
   * Pins the request to one container instance: requests with the same key reach the same
   * instance, so a job's progress poll finds the job. Without it an instance is picked at
   * random. The local RENDERER_URL process ignores it.
   */
  instanceKey?: string;
}

/**
 * Sends one request to the renderer: to the Node process at RENDERER_URL when it is set (local
 * dev and tests), otherwise to a container instance through the RENDERER binding. Both paths
 * carry the shared secret, and non-2xx replies become a RendererError.
 */
export async function rendererFetch(
  env: Env,
  path: string,
  init: RequestInit = {},
  options: RendererFetchOptions = {},
): Promise<Response> {
  const config = loadConfig(env);
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${config.rendererSecret}`);

  let response: Response;
  if (config.rendererUrl) {
    response = await fetch(new URL(path, config.rendererUrl), { ...init, headers });
  } else {
    const instance =
      options.instanceKey === undefined
        ? await getRandom(env.RENDERER, CONTAINER_INSTANCES)
        : env.RENDERER.get(env.RENDERER.idFromName(instanceName(options.instanceKey)));
    response = await instance.fetch(new Request(`http://renderer${path}`, { ...init, headers }));
  }

  if (!response.ok) {
    const text = await response.text();
    let code = "renderer_error";
    let message = text.slice(0, 300);
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not the renderer's JSON error (a proxy or crash page); keep the raw text.
    }
    throw new RendererError(response.status, code, message, retryAfterSeconds(response.headers));
  }
  return response;
}

/**
 * Maps a key to one of the names getRandom picks from (`instance-0` to `instance-3`), so pinned
 * requests share the same pool of containers as the random ones.
 */
export function instanceName(key: string): string {
  // FNV-1a: a cheap, stable spread; the key is not a secret.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `instance-${(hash >>> 0) % CONTAINER_INSTANCES}`;
}

/** Reads Retry-After in its delay-seconds form; the renderer never sends an HTTP date. */
function retryAfterSeconds(headers: Headers): number | null {
  const value = headers.get("retry-after")?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/** Encodes a spec for the `X-Render-Spec` header. */
export function encodeSpec(spec: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(spec));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
