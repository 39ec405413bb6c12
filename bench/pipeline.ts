// Times the whole Video Mixer pipeline against a running `pnpm dev`: upload 4 clips, then
// generate 5 variants at 720p and wait until every variant is stored. Run it while `pnpm dev`
// is up: pnpm --filter @lumiku/bench pipeline
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const API = process.env.LUMIKU_API ?? "http://127.0.0.1:8787";
const ORIGIN = "http://127.0.0.1:5173";
const work = mkdtempSync(path.join(tmpdir(), "lumiku-pipeline-"));

const CLIPS = [
  { size: "1280x720", rate: 30, audio: true },
  { size: "720x1280", rate: 25, audio: true },
  { size: "640x480", rate: 60, audio: false },
  { size: "1080x1080", rate: 30, audio: true },
];

let cookie = "";

async function api(pathname: string, init: { method?: string; json?: unknown; body?: FormData } = {}) {
  const headers: Record<string, string> = { origin: ORIGIN, cookie };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${API}${pathname}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) cookie = setCookies.map((value) => value.split(";")[0]).join("; ");
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${pathname} returned ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

try {
  const files = CLIPS.map((clip, index) => {
    const file = path.join(work, `clip-${index}.mp4`);
    const inputs = ["-f", "lavfi", "-i", `testsrc2=size=${clip.size}:rate=${clip.rate}:duration=4`];
    if (clip.audio) inputs.push("-f", "lavfi", "-i", `sine=frequency=${300 + index * 200}:duration=4`);
    execFileSync("ffmpeg", [
      "-loglevel",
      "error",
      "-y",
      ...inputs,
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p",
      "-shortest",
      file,
    ]);
    return file;
  });

  await api("/api/auth/register", {
    method: "POST",
    json: { email: `bench-${Date.now()}@example.com`, password: "bench pipeline passphrase 2026", name: "Bench" },
  });
  const project = await api("/api/apps/video-mixer/projects", { method: "POST", json: { name: "Pipeline bench" } });

  const uploadStarted = performance.now();
  for (const file of files) {
    const form = new FormData();
    form.set("file", new Blob([readFileSync(file)], { type: "video/mp4" }), path.basename(file));
    await api(`/api/apps/video-mixer/projects/${project.id}/clips`, { method: "POST", body: form });
  }
  const uploadSeconds = seconds(uploadStarted);

  const settings = {
    orderMixing: true,
    differentStart: false,
    groupMixing: "off",
    speed: null,
    aspectRatio: "9:16",
    resolution: "720p",
    fps: 30,
    bitrate: "medium",
    duration: { mode: "original" },
    audio: "keep",
    metadataSource: "capcut",
  };
  const generateStarted = performance.now();
  const generation = await api(`/api/apps/video-mixer/projects/${project.id}/generations`, {
    method: "POST",
    json: { settings, count: 5 },
  });

  let status = generation.status;
  while (status === "queued" || status === "processing") {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = (await api(`/api/apps/video-mixer/generations/${generation.id}`)).status;
  }

  console.log(`4 clips (4 s each, mixed sizes and frame rates) uploaded and probed in ${uploadSeconds} s`);
  console.log(`5 variants at 720x1280 generated in ${seconds(generateStarted)} s (status ${status})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
