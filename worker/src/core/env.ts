import { z } from "zod";
import type { CreditAccount } from "../../../durable-objects/src/credit-account";
import type { Renderer } from "../../../durable-objects/src/renderer-container";
import type { RenderMessage } from "../queue/messages";

/** Bindings and variables declared in wrangler.toml, plus secrets from `wrangler secret put`. */
export interface Env {
  DB: D1Database;
  BUCKET: R2Bucket;
  CREDIT_ACCOUNT: DurableObjectNamespace<CreditAccount>;
  RENDERER: DurableObjectNamespace<Renderer>;
  RENDER_QUEUE: Queue<RenderMessage>;
  AUTH_LIMITER: RateLimit;
  GENERATE_LIMITER: RateLimit;
  UPLOAD_LIMITER: RateLimit;

  APP_ENV: string;
  PUBLIC_BASE_URL: string;
  WEB_ORIGINS: string;
  RENDERER_URL: string;
  JWT_SECRET: string;
  RENDERER_SECRET: string;
}

// Values that appear in tutorials and examples; a deployment using one is as good as unprotected.
const WELL_KNOWN_SECRETS = new Set([
  "secret",
  "changeme",
  "change-me",
  "your-secret-key",
  "your-super-secret-jwt-key-change-this-in-production",
  "dev-secret",
  "development-secret",
]);

function secret(name: string, strict: boolean) {
  return z.string({ error: `${name} is missing` }).superRefine((value, ctx) => {
    if (!strict) {
      if (value.length === 0) ctx.addIssue({ code: "custom", message: `${name} is empty` });
      return;
    }
    if (new TextEncoder().encode(value).length < 32) {
      ctx.addIssue({ code: "custom", message: `${name} must be at least 32 bytes` });
    }
    if (WELL_KNOWN_SECRETS.has(value.toLowerCase())) {
      ctx.addIssue({ code: "custom", message: `${name} is a well-known example value` });
    }
  });
}

const modeSchema = z.enum(["development", "test", "production"]);

export type AppMode = z.infer<typeof modeSchema>;

export interface Config {
  mode: AppMode;
  publicBaseUrl: string;
  webOrigins: string[];
  rendererUrl: string | null;
  jwtSecret: string;
  rendererSecret: string;
  /** Plain-http localhost dev cannot keep `Secure` cookies, so they are dropped only there. */
  secureCookies: boolean;
}

function buildSchema(strict: boolean) {
  return z.object({
    APP_ENV: modeSchema,
    PUBLIC_BASE_URL: z.url({ error: "PUBLIC_BASE_URL must be an absolute URL" }),
    WEB_ORIGINS: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ error: "WEB_ORIGINS must list absolute origins" }))),
    RENDERER_URL: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.url().nullable()),
    JWT_SECRET: secret("JWT_SECRET", strict),
    RENDERER_SECRET: secret("RENDERER_SECRET", strict),
  });
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
  }
}

const cache = new WeakMap<object, Config>();

/**
 * Validates the environment once per isolate. Outside development and tests, secrets must be
 * at least 32 bytes and not a well-known example; the error lists which setting failed,
 * never its value.
 */
export function loadConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;

  const strict = env.APP_ENV !== "development" && env.APP_ENV !== "test";
  const parsed = buildSchema(strict).safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }

  const values = parsed.data;
  const config: Config = {
    mode: values.APP_ENV,
    publicBaseUrl: values.PUBLIC_BASE_URL.replace(/\/$/, ""),
    webOrigins: values.WEB_ORIGINS,
    rendererUrl: values.RENDERER_URL,
    jwtSecret: values.JWT_SECRET,
    rendererSecret: values.RENDERER_SECRET,
    secureCookies: !(values.APP_ENV !== "production" && values.PUBLIC_BASE_URL.startsWith("http://")),
  };
  cache.set(env, config);
  return config;
}
