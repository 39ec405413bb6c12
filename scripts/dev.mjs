// `pnpm dev`: starts the API Worker (8787), the web app (5173) and the renderer (8788) on
// 127.0.0.1 with local D1, R2, Durable Objects and Queues, then seeds a demo account.
// Stays in the foreground; Ctrl-C or SIGTERM stops every child.
import path from "node:path";
import {
  bin,
  ensureDebianPackages,
  ensureDevVars,
  FFMPEG,
  log,
  quietWranglerEnv,
  root,
  run,
  startService,
  stopServices,
  waitForHttp,
} from "./lib.mjs";
import { seedDemo } from "./seed-demo.mjs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[lumiku] Node ${process.versions.node} is too old; install Node 20.19 or newer.`);
  process.exit(1);
}

ensureDebianPackages([FFMPEG]);
const vars = ensureDevVars();

log("applying D1 migrations to the local database");
run(bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local"], { env: { ...quietWranglerEnv, CI: "true" } });

const children = [
  startService("renderer", bin("tsx"), [path.join(root, "renderer/src/server.ts")], {
    env: { PORT: "8788", HOST: "127.0.0.1", RENDERER_SECRET: vars.RENDERER_SECRET },
  }),
  startService("api", bin("wrangler"), ["dev", "--ip", "127.0.0.1", "--port", "8787", "--log-level", "warn"], {
    env: quietWranglerEnv,
  }),
  startService("web", path.join(root, "web/node_modules/.bin/vite"), ["--host", "127.0.0.1", "--port", "5173", "--strictPort"], {
    cwd: path.join(root, "web"),
  }),
];

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log("stopping");
  stopServices(children);
  setTimeout(() => process.exit(code), 500);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
for (const child of children) {
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`[lumiku] ${child.serviceName} exited with code ${code}; stopping everything`);
      shutdown(1);
    }
  });
}

try {
  await Promise.all([
    waitForHttp("http://127.0.0.1:8788/health"),
    waitForHttp("http://127.0.0.1:8787/health"),
    waitForHttp("http://127.0.0.1:5173/"),
  ]);
  const demo = await seedDemo("http://127.0.0.1:8787");
  log("ready:");
  log("  web app   http://127.0.0.1:5173");
  log("  API       http://127.0.0.1:8787 (docs at /api/docs)");
  log("  renderer  http://127.0.0.1:8788");
  if (demo) log(`  demo account ${demo.email} / ${demo.password}`);
} catch (error) {
  console.error(`[lumiku] start-up failed: ${error.message}`);
  shutdown(1);
}
