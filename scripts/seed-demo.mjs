// Seeds the local demo: one account with a Video Mixer project and three short generated clips.
// The password is random per machine, kept in .wrangler/ (gitignored) and printed by `pnpm dev`.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { log, root } from "./lib.mjs";
import { grantAdminLocally } from "./make-admin.mjs";

const stateDir = path.join(root, ".wrangler", "demo");
const accountFile = path.join(stateDir, "account.json");

// Colours and tones differ per clip so that variants are visibly different.
const CLIPS = [
  { name: "pembuka.mp4", size: "720x1280", rate: 30, color: "testsrc2", tone: 440 },
  { name: "produk.mp4", size: "1280x720", rate: 25, color: "smptebars", tone: 660 },
  { name: "penutup.mp4", size: "720x720", rate: 30, color: "rgbtestsrc", tone: 880 },
];

function makeClip(clip) {
  const file = path.join(stateDir, clip.name);
  if (existsSync(file)) return file;
  execFileSync(
    "ffmpeg",
    [
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      `${clip.color}=size=${clip.size}:rate=${clip.rate}:duration=3`,
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=${clip.tone}:duration=3`,
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-pix_fmt",
      "yuv420p",
      "-c:a",
      "aac",
      "-shortest",
      file,
    ],
    { stdio: "inherit" },
  );
  return file;
}

async function api(base, pathname, { cookie, json, body, method = "GET" } = {}) {
  const headers = { origin: "http://127.0.0.1:5173" };
  if (cookie) headers.cookie = cookie;
  if (json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers,
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

function sessionCookie(response) {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Creates the demo account and project once; later runs only sign in. */
export async function seedDemo(base) {
  mkdirSync(stateDir, { recursive: true });
  const account = existsSync(accountFile)
    ? JSON.parse(readFileSync(accountFile, "utf8"))
    : { email: "demo@lumiku.test", password: `demo-${randomBytes(9).toString("base64url")}`, seeded: false };

  let auth = await api(base, "/api/auth/login", { method: "POST", json: account });
  if (auth.status === 401) {
    auth = await api(base, "/api/auth/register", { method: "POST", json: { ...account, name: "Akun Demo" } });
  }
  if (auth.status >= 300) {
    log(`demo seed skipped: sign-in answered ${auth.status}`);
    return null;
  }
  writeFileSync(accountFile, JSON.stringify(account), { mode: 0o600 });
  if (account.seeded) return account;

  const cookie = sessionCookie(auth);
  const project = await api(base, "/api/apps/video-mixer/projects", {
    method: "POST",
    cookie,
    json: { name: "Demo: Kopi Susu Gula Aren", description: "Tiga klip contoh untuk dicoba." },
  });
  if (project.status !== 201) {
    log(`demo project not created (${project.status}); the account works without it`);
    return account;
  }

  for (const clip of CLIPS) {
    const form = new FormData();
    form.set("file", new Blob([readFileSync(makeClip(clip))], { type: "video/mp4" }), clip.name);
    const upload = await api(base, `/api/apps/video-mixer/projects/${project.body.id}/clips`, {
      method: "POST",
      cookie,
      body: form,
    });
    if (upload.status !== 201) log(`demo clip ${clip.name} not uploaded (${upload.status})`);
  }

  account.seeded = true;
  writeFileSync(accountFile, JSON.stringify(account), { mode: 0o600 });
  log("seeded the demo project");
  return account;
}

const adminFile = path.join(stateDir, "admin.json");

/**
 * Creates the demo admin account once (random password kept in .wrangler/demo/admin.json) and
 * gives it the admin role in the local database. Returns its credentials, or null when the API
 * refused the sign-up.
 */
export async function seedDemoAdmin(base) {
  mkdirSync(stateDir, { recursive: true });
  const account = existsSync(adminFile)
    ? JSON.parse(readFileSync(adminFile, "utf8"))
    : { email: "admin@lumiku.test", password: `admin-${randomBytes(12).toString("base64url")}` };

  let auth = await api(base, "/api/auth/login", { method: "POST", json: account });
  if (auth.status === 401) {
    auth = await api(base, "/api/auth/register", { method: "POST", json: { ...account, name: "Admin Demo" } });
  }
  if (auth.status >= 300) {
    log(`demo admin skipped: sign-in answered ${auth.status}`);
    return null;
  }
  writeFileSync(adminFile, JSON.stringify(account), { mode: 0o600 });

  try {
    grantAdminLocally(account.email);
  } catch (error) {
    log(`demo admin created but not promoted: ${error.message}`);
  }
  return account;
}
