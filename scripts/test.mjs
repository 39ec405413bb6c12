// `pnpm test`: every check CI runs, in order: lint and format, types, renderer tests (real
// ffmpeg), Worker tests (workerd through the Workers vitest pool), the web build, and the
// end-to-end test in Chromium against the full local stack.
import path from "node:path";
import { bin, CHROMIUM, ensureDebianPackages, FFMPEG, log, quietWranglerEnv, root, run } from "./lib.mjs";

ensureDebianPackages([FFMPEG, CHROMIUM]);

const steps = [
  ["lint and format", bin("biome"), ["check", "."]],
  ["types: worker", bin("tsc"), ["-p", "worker", "--noEmit"]],
  ["types: renderer", bin("tsc"), ["-p", "renderer", "--noEmit"]],
  ["types: web", bin("tsc"), ["-p", "web", "--noEmit"]],
  ["renderer tests", bin("vitest"), ["run", "--root", "renderer"]],
  ["worker tests", bin("vitest"), ["run", "--root", "worker"]],
  ["web build", path.join(root, "web/node_modules/.bin/vite"), ["build", "web"]],
  ["end-to-end tests", bin("vitest"), ["run", "--root", "e2e"]],
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
