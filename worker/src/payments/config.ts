import { z } from "zod";
import { appMode, type Env } from "../core/env";

export interface DuitkuConfig {
  merchantCode: string;
  apiKey: string;
  /** Duitku POP host without a trailing slash, e.g. `https://api-sandbox.duitku.com`. */
  baseUrl: string;
  callbackUrl: string;
  returnUrl: string;
  /** Source addresses allowed to post callbacks; empty turns the check off. */
  callbackIps: string[];
  /** Whether the app runs with production rules, which require https payment URLs. */
  production: boolean;
}

export type DuitkuConfigResult = { ok: true; config: DuitkuConfig } | { ok: false; problems: string[] };

// Duitku's public sandbox demo key from its documentation and PHP library tests.
const DUITKU_DEMO_API_KEY = "732B39FC61796845775D2C4FB05332AF";

const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

function urlSetting(name: string, production: boolean) {
  return z
    .string({ error: `${name} is missing` })
    .pipe(z.url({ error: `${name} must be an absolute URL` }))
    .superRefine((value, ctx) => {
      if (!production) return;
      const url = new URL(value);
      if (url.protocol !== "https:") ctx.addIssue({ code: "custom", message: `${name} must use https in production` });
      if (LOCAL_HOST.test(url.hostname)) {
        ctx.addIssue({ code: "custom", message: `${name} must not point at a local address in production` });
      }
    });
}

function buildSchema(production: boolean) {
  const required = (name: string) =>
    z
      .string({ error: `${name} is missing` })
      .trim()
      .min(1, `${name} is empty`);
  return z.object({
    DUITKU_MERCHANT_CODE: required("DUITKU_MERCHANT_CODE"),
    DUITKU_API_KEY: required("DUITKU_API_KEY").refine((value) => !production || value !== DUITKU_DEMO_API_KEY, {
      message: "DUITKU_API_KEY is Duitku's public demo key",
    }),
    DUITKU_BASE_URL: urlSetting("DUITKU_BASE_URL", production),
    DUITKU_CALLBACK_URL: urlSetting("DUITKU_CALLBACK_URL", production),
    DUITKU_RETURN_URL: urlSetting("DUITKU_RETURN_URL", production),
    DUITKU_CALLBACK_IPS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((ip) => ip.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.union([z.ipv4(), z.ipv6()]), { error: "DUITKU_CALLBACK_IPS must list IP addresses" })),
  });
}

const cache = new WeakMap<object, DuitkuConfigResult>();

/**
 * Validates the Duitku settings once per isolate. Unlike `loadConfig` it never throws: without
 * them the app serves everything except payments, whose routes respond with 503. With production rules
 * the URLs must use https and must not point at a local address, so the local Duitku simulator
 * can never be enabled there.
 */
export function loadDuitkuConfig(env: Env): DuitkuConfigResult {
  const cached = cache.get(env);
  if (cached) return cached;

  const mode = appMode(env);
  const production = mode !== "development" && mode !== "test";
  const parsed = buildSchema(production).safeParse(env);

  let result: DuitkuConfigResult;
  if (parsed.success) {
    const values = parsed.data;
    result = {
      ok: true,
      config: {
        merchantCode: values.DUITKU_MERCHANT_CODE,
        apiKey: values.DUITKU_API_KEY,
        baseUrl: values.DUITKU_BASE_URL.replace(/\/+$/, ""),
        callbackUrl: values.DUITKU_CALLBACK_URL,
        returnUrl: values.DUITKU_RETURN_URL,
        callbackIps: values.DUITKU_CALLBACK_IPS,
        production,
      },
    };
  } else {
    result = { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  }
  cache.set(env, result);
  return result;
}
