import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { createApp } from "../src/app";

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * Sends a request to the Worker and always reads the body, because an unread body breaks the
 * pool's isolated storage.
 */
export async function call<T = any>(path: string, init: TestRequestInit = {}) {
  const response = await exports.default.fetch(buildRequest(path, init));
  return readTestResponse<T>(response);
}

type TestRequestInit = RequestInit & { json?: unknown; cookie?: string };

function buildRequest(path: string, init: TestRequestInit): Request {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  if (init.cookie) headers.set("cookie", init.cookie);
  return new Request(`http://127.0.0.1:8787${path}`, { ...init, headers, body });
}

/**
 * Like `call`, but runs the app with some bindings replaced, e.g. a queue that records what is
 * sent instead of delivering it to the consumer.
 */
export async function callWithEnv<T = any>(
  overrides: Partial<Cloudflare.Env>,
  path: string,
  init: TestRequestInit = {},
) {
  const response = await createApp().fetch(
    buildRequest(path, init),
    { ...env, ...overrides },
    createExecutionContext(),
  );
  return readTestResponse<T>(response);
}

async function readTestResponse<T>(response: Response) {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON; the raw text stays in `body`.
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text } satisfies TestResponse<T>;
}

let counter = 0;

/** Registers a fresh user and returns the cookie header that carries its session. */
export async function signUp(overrides: { email?: string; password?: string; name?: string; ip?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = overrides.password ?? "correct horse battery staple";
  // A distinct client address keeps suites that sign up many users under the per-IP signup limit.
  // By default each signup comes from its own address in the IPv6 documentation range.
  const ip = overrides.ip ?? `2001:db8::${crypto.randomUUID().slice(0, 4)}:${counter.toString(16)}`;
  const headers: Record<string, string> = { "cf-connecting-ip": ip };
  const response = await call("/api/auth/register", {
    method: "POST",
    headers,
    json: { email, password, name: overrides.name ?? "Test User" },
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${response.text}`);
  // Both session cookies (access and refresh), as a browser would send them back.
  const cookie = cookiesFrom(response.headers);
  return { cookie, email, password, user: response.body as { id: string; email: string; name: string } };
}

/** Turns a response's `Set-Cookie` headers into the `Cookie` header a browser would send next. */
export function cookiesFrom(headers: Headers): string {
  // Workers' Headers keeps each Set-Cookie separate only through `getAll`.
  return headers
    .getAll("set-cookie")
    .map((line) => line.split(";")[0] as string)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}
