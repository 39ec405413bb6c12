// `pnpm test`: every check CI runs, in order: lint and format, types, renderer tests (real
// ffmpeg), Worker tests (workerd through the Workers vitest pool), the web build, and the
// end-to-end test in Chromium against the full local stack.
import path from "node:path";
import { bin, CHROMIUM, ensureDebianPackages, FFMPEG, log, quietWranglerEnv, root, run } from "./lib.mjs";

const packageBin = (pkg, name) => path.join(root, pkg, "node_modules", ".bin", name);

ensureDebianPackages([FFMPEG, CHROMIUM]);

const steps = [
  ["lint and format", bin("biome"), ["check", "."]],
  ["types: worker", bin("tsc"), ["-p", "worker", "--noEmit"]],
  ["types: renderer", bin("tsc"), ["-p", "renderer", "--noEmit"]],
  ["types: web", bin("tsc"), ["-p", "web", "--noEmit"]],
  ["types: e2e", bin("tsc"), ["-p", "e2e", "--noEmit"]],
  ["types: bench", bin("tsc"), ["-p", "bench", "--noEmit"]],
  ["renderer tests", packageBin("renderer", "vitest"), ["run", "--root", "renderer"]],
  ["worker tests", packageBin("worker", "vitest"), ["run", "--root", "worker"]],
  ["web unit tests", packageBin("web", "vitest"), ["run", "--root", "web"]],
  ["web build", packageBin("web", "vite"), ["build", "web"]],
  ["end-to-end tests", packageBin("e2e", "vitest"), ["run", "--root", "e2e"]],
];

const only = process.argv.slice(2);
const started = Date.now();
let passed = 0;
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  log(`step: ${name}`);
  const stepStarted = Date.now();
  try {
    run(command, args, { env: quietWranglerEnv });
  } catch {
    console.error(`[lumiku] step failed: ${name}`);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed += 1;
  log(`step ok: ${name} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`);
}
log(`all steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, 0 failed`);
