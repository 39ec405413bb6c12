// Helpers shared by scripts/dev.mjs and scripts/test.mjs.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const bin = (name) => path.join(root, "node_modules", ".bin", name);

// Without these, every wrangler start tries to reach Cloudflare and logs a lookup failure.
export const quietWranglerEnv = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

export function log(message) {
  console.log(`[lumiku] ${message}`);
}

export function hasCommand(command, args = ["-version"]) {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure Debian packages are present: installs them with apt-get when running as root,
 * otherwise stops with the exact command to run.
 */
export function ensureDebianPackages(packages) {
  const missing = packages.filter((pkg) => !hasCommand(pkg.command, pkg.args));
  if (missing.length === 0) return;

  const names = missing.map((pkg) => pkg.debian).join(" ");
  if (process.getuid?.() !== 0) {
    console.error(`[lumiku] missing: ${names}. Install with: sudo apt-get update && sudo apt-get install -y ${names}`);
    process.exit(1);
  }

  log(`installing ${names} from Debian`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing.map((pkg) => pkg.debian)], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

export const FFMPEG = { command: "ffmpeg", args: ["-version"], debian: "ffmpeg" };
export const CHROMIUM = { command: "chromium", args: ["--version"], debian: "chromium" };

export const DUITKU_SIMULATOR_PORT = 8790;
export const DUITKU_SIMULATOR_URL = `http://127.0.0.1:${DUITKU_SIMULATOR_PORT}`;

function parseVars(text) {
  const vars = new Map();
  for (const line of text.split("\n")) {
    const match = line.match(/^([A-Z0-9_]+)=(.*)$/);
    if (match) vars.set(match[1], match[2]);
  }
  return vars;
}

/**
 * Writes `.dev.vars` for `wrangler dev`, keeping values already there and generating fresh
 * random secrets for any that are missing. Returns the merged values.
 */
export function ensureDevVars() {
  const file = path.join(root, ".dev.vars");
  const current = existsSync(file) ? parseVars(readFileSync(file, "utf8")) : new Map();
  const secret = () => randomBytes(32).toString("base64url");
  const defaults = {
    APP_ENV: "development",
    PUBLIC_BASE_URL: "http://127.0.0.1:8787",
    WEB_ORIGINS: "http://127.0.0.1:5173,http://localhost:5173",
    RENDERER_URL: "http://127.0.0.1:8788",
    JWT_SECRET: secret(),
    RENDERER_SECRET: secret(),
    // The local Duitku simulator (worker/dev/duitku-simulator), started by scripts/dev.mjs.
    DUITKU_MERCHANT_CODE: "DSIMDEV",
    DUITKU_API_KEY: secret(),
    DUITKU_BASE_URL: DUITKU_SIMULATOR_URL,
    DUITKU_CALLBACK_URL: "http://127.0.0.1:8787/api/payments/duitku/callback",
    DUITKU_RETURN_URL: "http://127.0.0.1:5173/payments/return",
  };

  let changed = !existsSync(file);
  for (const [key, value] of Object.entries(defaults)) {
    if (!current.has(key)) {
      current.set(key, value);
      changed = true;
    }
  }

  if (changed) {
    const lines = ["# Local development only; written by scripts/dev.mjs. Never commit this file."];
    for (const [key, value] of current) lines.push(`${key}=${value}`);
    writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
    log("wrote .dev.vars with fresh dev secrets");
  }
  return Object.fromEntries(current);
}

/** Starts a long-running child in its own process group, so that stopping kills its whole tree. */
export function startService(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `[${name}] `;
  const forward = (stream, target) => {
    let buffered = "";
    stream.on("data", (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) target.write(`${prefix}${line}\n`);
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.serviceName = name;
  return child;
}

export function stopServices(children) {
  for (const child of children) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

/** Polls `url` until it responds with a status below 500 or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

export function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
}
