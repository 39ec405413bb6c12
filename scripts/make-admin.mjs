// `pnpm admin:grant <email>`: gives an existing local account the admin role, in the local D1
// database that `pnpm dev` uses. For production, run the same UPDATE with
// `wrangler d1 execute DB --remote`.
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { bin, quietWranglerEnv, root } from "./lib.mjs";

// Deliberately narrow: the address is placed inside SQL text, so only plain addresses pass.
const PLAIN_EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,}$/;

/** Sets role = 'admin' for `email` in the local D1 database; returns how many rows changed. */
export function grantAdminLocally(email) {
  if (!PLAIN_EMAIL.test(email)) throw new Error(`not a plain email address: ${email}`);
  const sql = `UPDATE users SET role = 'admin' WHERE email = '${email.toLowerCase()}'`;
  const output = execFileSync(bin("wrangler"), ["d1", "execute", "DB", "--local", "--json", "--command", sql], {
    cwd: root,
    env: { ...process.env, ...quietWranglerEnv, CI: "true" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const results = JSON.parse(output);
  return results.reduce((sum, result) => sum + (result.meta?.changes ?? 0), 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const email = process.argv[2];
  if (!email) {
    console.error("usage: pnpm admin:grant <email of an existing local account>");
    process.exit(1);
  }
  try {
    const changed = grantAdminLocally(email);
    if (changed === 0) {
      console.error(`[lumiku] no local account with email ${email}; sign up first`);
      process.exit(1);
    }
    console.log(`[lumiku] ${email} is now an admin (sign in again or reload to see the admin pages)`);
  } catch (error) {
    console.error(`[lumiku] granting admin failed: ${error.message}`);
    process.exit(1);
  }
}
