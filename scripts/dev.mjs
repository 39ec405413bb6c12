// `pnpm dev`: starts the API Worker (8787), the web app (5173), the renderer (8788) and the
// Duitku simulator (8790) on 127.0.0.1 with local D1, R2, Durable Objects and Queues, then
// seeds a demo account and a demo admin account.
// Stays in the foreground; Ctrl-C or SIGTERM stops every child.
import path from "node:path";
import {
  bin,
  DUITKU_SIMULATOR_PORT,
  DUITKU_SIMULATOR_URL,
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
import { seedDemo, seedDemoAdmin } from "./seed-demo.mjs";

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
  startService(
    "renderer",
    path.join(root, "renderer", "node_modules", ".bin", "tsx"),
    [path.join(root, "renderer/src/server.ts")],
    {
      env: { PORT: "8788", HOST: "127.0.0.1", RENDERER_SECRET: vars.RENDERER_SECRET },
    },
  ),
  startService(
    "api",
    bin("wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", "8787", "--test-scheduled", "--log-level", "warn"],
    {
      env: quietWranglerEnv,
    },
  ),
  startService(
    "web",
    path.join(root, "web", "node_modules", ".bin", "vite"),
    ["--host", "127.0.0.1", "--port", "5173", "--strictPort"],
    {
      cwd: path.join(root, "web"),
    },
  ),
];

// The Duitku simulator runs only while .dev.vars points the Worker at it; a developer who set
// DUITKU_BASE_URL to Duitku's sandbox talks to the sandbox instead.
const useDuitkuSimulator = vars.DUITKU_BASE_URL === DUITKU_SIMULATOR_URL;
if (useDuitkuSimulator) {
  children.push(
    startService("duitku", process.execPath, [path.join(root, "worker/dev/duitku-simulator/server.mjs")], {
      env: {
        DUITKU_SIM_PORT: String(DUITKU_SIMULATOR_PORT),
        DUITKU_MERCHANT_CODE: vars.DUITKU_MERCHANT_CODE,
        DUITKU_API_KEY: vars.DUITKU_API_KEY,
      },
    }),
  );
}

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

// `pnpm dev` does not pass SIGTERM on to this script: when pnpm itself is terminated, this
// process is re-parented, and it stops everything then.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) {
    log("the process that started `pnpm dev` has exited");
    shutdown(0);
  }
}, 1000).unref();
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
    ...(useDuitkuSimulator ? [waitForHttp(`${DUITKU_SIMULATOR_URL}/health`)] : []),
  ]);
  const demo = await seedDemo("http://127.0.0.1:8787");
  log("ready:");
  log("  web app   http://127.0.0.1:5173");
  log("  API       http://127.0.0.1:8787 (docs at /api/docs)");
  log("  renderer  http://127.0.0.1:8788");
  if (useDuitkuSimulator) log(`  Duitku simulator ${DUITKU_SIMULATOR_URL} (no real payments)`);
  if (demo) log(`  demo account ${demo.email} / ${demo.password}`);
  const admin = await seedDemoAdmin("http://127.0.0.1:8787");
  if (admin) log(`  demo admin   ${admin.email} / ${admin.password}`);
} catch (error) {
  console.error(`[lumiku] start-up failed: ${error.message}`);
  shutdown(1);
}
