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
  LOGIN_LIMITER: RateLimit;
  SIGNUP_LIMITER: RateLimit;
  PASSWORD_LIMITER: RateLimit;
  HEALTH_LIMITER: RateLimit;
  GENERATE_LIMITER: RateLimit;
  UPLOAD_LIMITER: RateLimit;
  PAYMENT_LIMITER: RateLimit;
  PAYMENT_CALLBACK_LIMITER: RateLimit;

  /** `development`, `test` or `production`; a missing value counts as production. */
  APP_ENV?: string;
  PUBLIC_BASE_URL: string;
  WEB_ORIGINS: string;
  RENDERER_URL: string;
  JWT_SECRET: string;
  RENDERER_SECRET: string;

  // Duitku; validated by `loadDuitkuConfig` (payments/config.ts), so that a missing value
  // disables payments only instead of the whole app.
  DUITKU_MERCHANT_CODE?: string;
  DUITKU_API_KEY?: string;
  DUITKU_BASE_URL?: string;
  DUITKU_CALLBACK_URL?: string;
  DUITKU_RETURN_URL?: string;
  DUITKU_CALLBACK_IPS?: string;
}

// Values that appear in tutorials and examples; a deployment using one is as good as unprotected.
const WELL_KNOWN_SECRETS = new Set([
  "secret",
  "changeme",
  "change-me",
  "password",
  "your-secret-key",
  "your-jwt-secret",
  "your-super-secret-jwt-key-change-this-in-production",
  "supersecretkeythatshouldbechangedinproduction",
  "dev-secret",
  "development-secret",
  "test-secret",
  "test-jwt-secret-0123456789abcdef0123456789",
  "test-renderer-secret-0123456789abcdef012345",
]);

const MIN_SECRET_BYTES = 32;

function secret(name: string, strict: boolean) {
  return z.string({ error: `${name} is missing` }).superRefine((value, ctx) => {
    if (value.length === 0) {
      ctx.addIssue({ code: "custom", message: `${name} is empty` });
      return;
    }
    if (!strict) return;

    if (new TextEncoder().encode(value).length < MIN_SECRET_BYTES) {
      ctx.addIssue({ code: "custom", message: `${name} must be at least ${MIN_SECRET_BYTES} bytes` });
    }
    if (WELL_KNOWN_SECRETS.has(value.toLowerCase())) {
      ctx.addIssue({ code: "custom", message: `${name} is a well-known example value` });
    }
    if (new Set(value).size < 8) {
      ctx.addIssue({ code: "custom", message: `${name} repeats too few distinct characters to be random` });
    }
  });
}

const modeSchema = z.enum(["development", "test", "production"], {
  error: "APP_ENV must be development, test or production",
});

export type AppMode = z.infer<typeof modeSchema>;

export interface Config {
  mode: AppMode;
  publicBaseUrl: string;
  /** Browser origins allowed by CORS and CSRF checks, e.g. `https://app.lumiku.example`. */
  webOrigins: string[];
  rendererUrl: string | null;
  jwtSecret: string;
  rendererSecret: string;
  /**
   * Whether cookies are `Secure` and `__Host-` prefixed. Off only for plain-http development:
   * Chromium keeps `Secure` cookies on http://localhost but drops them on http://127.0.0.1, the
   * dev origin.
   */
  secureCookies: boolean;
}

/** Validates an origin: a scheme, host and optional port, with no path, query or credentials. */
function originSchema(name: string, strict: boolean) {
  return z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `${name} must list absolute origins` });
      return;
    }
    if (url.origin !== value) {
      ctx.addIssue({
        code: "custom",
        message: `${name} entries must be bare origins without a path or trailing slash`,
      });
    }
    if (url.protocol !== "https:" && (strict || url.protocol !== "http:")) {
      ctx.addIssue({ code: "custom", message: `${name} entries must use https outside development` });
    }
  });
}

function buildSchema(strict: boolean) {
  return z
    .object({
      APP_ENV: modeSchema,
      PUBLIC_BASE_URL: z
        .url({ error: "PUBLIC_BASE_URL must be an absolute URL" })
        .refine(
          (value) => !strict || value.startsWith("https://"),
          "PUBLIC_BASE_URL must use https outside development",
        ),
      WEB_ORIGINS: z
        .string({ error: "WEB_ORIGINS is missing" })
        .transform((value) =>
          value
            .split(",")
            .map((origin) => origin.trim())
            .filter(Boolean),
        )
        .pipe(z.array(originSchema("WEB_ORIGINS", strict)).min(1, "WEB_ORIGINS must list at least one origin")),
      RENDERER_URL: z
        .string()
        .optional()
        .transform((value) => (value ? value : null))
        .pipe(z.url({ error: "RENDERER_URL must be an absolute URL or empty" }).nullable()),
      JWT_SECRET: secret("JWT_SECRET", strict),
      RENDERER_SECRET: secret("RENDERER_SECRET", strict),
    })
    .superRefine((values, ctx) => {
      // One leaked value must not unlock both the sessions and the renderer.
      if (strict && values.JWT_SECRET && values.JWT_SECRET === values.RENDERER_SECRET) {
        ctx.addIssue({
          code: "custom",
          path: ["RENDERER_SECRET"],
          message: "RENDERER_SECRET must differ from JWT_SECRET",
        });
      }
    });
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

const cache = new WeakMap<object, Config | ConfigError>();

/** Reads APP_ENV; anything but an explicit development or test value runs with production rules. */
export function appMode(env: Pick<Env, "APP_ENV">): string {
  return env.APP_ENV === undefined || env.APP_ENV === "" ? "production" : env.APP_ENV;
}

/**
 * Validates the environment once per isolate and throws ConfigError when it is invalid. Outside
 * development and tests, secrets must be at least 32 bytes, not a well-known example and distinct,
 * and URLs must use https. The error lists which setting failed, never its value.
 */
export function loadConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached instanceof ConfigError) throw cached;
  if (cached) return cached;

  const mode = appMode(env);
  const strict = mode !== "development" && mode !== "test";
  const parsed = buildSchema(strict).safeParse({ ...env, APP_ENV: mode });
  if (!parsed.success) {
    const error = new ConfigError(
      parsed.error.issues.map((issue) => {
        const setting = issue.path.join(".") || "env";
        return issue.message.startsWith(String(issue.path[0])) ? issue.message : `${setting}: ${issue.message}`;
      }),
    );
    cache.set(env, error);
    throw error;
  }

  const values = parsed.data;
  const config: Config = {
    mode: values.APP_ENV,
    publicBaseUrl: values.PUBLIC_BASE_URL.replace(/\/$/, ""),
    webOrigins: values.WEB_ORIGINS,
    rendererUrl: values.RENDERER_URL,
    jwtSecret: values.JWT_SECRET,
    rendererSecret: values.RENDERER_SECRET,
    secureCookies: values.APP_ENV === "production" || values.PUBLIC_BASE_URL.startsWith("https://"),
  };
  cache.set(env, config);
  return config;
}
