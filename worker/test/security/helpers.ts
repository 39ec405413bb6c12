import { env } from "cloudflare:workers";
import { vi } from "vitest";
import { signUp } from "../http";

let counter = 0;

/** Returns a fresh client address, so per-IP limits only apply where a test wants them. */
export function freshIp(): string {
  counter += 1;
  return `2001:db8:5ec::${crypto.randomUUID().slice(0, 4)}:${counter.toString(16)}`;
}

export function signUpFromFreshIp(overrides: { email?: string; password?: string; name?: string } = {}) {
  return signUp({ ...overrides, ip: freshIp() });
}

/** Returns the value of one cookie in a `Cookie` header string. */
export function cookieValue(cookieHeader: string, name: string): string {
  const pair = cookieHeader.split("; ").find((part) => part.startsWith(`${name}=`));
  if (!pair) throw new Error(`no ${name} cookie in ${cookieHeader}`);
  return pair.slice(name.length + 1);
}

export function base64url(value: string | Uint8Array): string {
  const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value;
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split(".")[1] ?? "";
  return JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
}

/** Collects every JSON log line written while `run` executes. */
export async function captureLogs<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spies = (["log", "warn", "error"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    }),
  );
  try {
    return { result: await run(), lines };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Builds a production-like environment that passes every check, so tests can break one setting at a time. */
export function productionEnv(overrides: Record<string, string | undefined> = {}): Partial<Cloudflare.Env> {
  return {
    APP_ENV: "production",
    PUBLIC_BASE_URL: "https://api.lumiku.test",
    WEB_ORIGINS: "https://app.lumiku.test",
    RENDERER_URL: "",
    JWT_SECRET: "q7Vf2LpX9wRzT4nKc8YbHs3Md6Ej1GuA0oPiNlQvWxZ",
    RENDERER_SECRET: "Rk5tY8uJ2mN4bV7cX1zL3aS6dF9gH0jQpWeErTyUiO",
    ...overrides,
  } as Partial<Cloudflare.Env>;
}

export async function countRows(table: string, where: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * Waits for the next minute when less than `marginMs` of the current one is left. The local Rate
 * Limiting binding counts in fixed windows aligned to the minute, so a test that expects the
 * Nth request to be limited must not straddle a window boundary.
 */
export async function startOfRateWindow(marginMs = 8_000): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 60_000 - marginMs) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** Wraps D1 so every statement a request prepares is recorded once, with the parameters bound to it. */
export function recordingDatabase(db: D1Database, log: Statement[]): D1Database {
  const wrap = (statement: D1PreparedStatement, entry: Statement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property) {
        if (property === "bind") {
          return (...values: unknown[]) => {
            entry.params = values;
            return wrap(target.bind(...values), entry);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });

  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          const entry: Statement = { sql, params: [] };
          log.push(entry);
          return wrap(target.prepare(sql), entry);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
