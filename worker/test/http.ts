import { exports } from "cloudflare:workers";

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
export async function call<T = any>(path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  if (init.cookie) headers.set("cookie", init.cookie);

  const response = await exports.default.fetch(new Request(`http://127.0.0.1:8787${path}`, { ...init, headers, body }));
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
export async function signUp(overrides: { email?: string; password?: string; name?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = overrides.password ?? "correct horse battery staple";
  const response = await call("/api/auth/register", {
    method: "POST",
    json: { email, password, name: overrides.name ?? "Test User" },
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${response.text}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { cookie, email, password, user: response.body as { id: string; email: string; name: string } };
}
