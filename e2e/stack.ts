import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const WEB_URL = "http://127.0.0.1:5173";

async function isUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

let stack: ChildProcess | undefined;

/**
 * Starts `pnpm dev` (scripts/dev.mjs) unless a stack already responds, and waits until it has
 * printed that it is ready. Reusing a running stack keeps local reruns fast.
 */
export async function setup() {
  if ((await isUp(`${WEB_URL}/`)) && (await isUp("http://127.0.0.1:8787/health"))) return;

  stack = spawn(process.execPath, [path.join(root, "scripts/dev.mjs")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the dev stack did not become ready in 200 s")), 200_000);
    let output = "";
    stack?.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
      if (output.includes("[lumiku] ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    stack?.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the dev stack exited with code ${code} before it was ready`));
    });
  });
}

export async function teardown() {
  if (stack?.pid === undefined) return;
  process.kill(-stack.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
