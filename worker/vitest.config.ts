import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const migrations = await readD1Migrations(path.join(root, "migrations"));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: path.join(root, "wrangler.toml") },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          APP_ENV: "test",
          PUBLIC_BASE_URL: "http://127.0.0.1:8787",
          WEB_ORIGINS: "http://127.0.0.1:5173",
          RENDERER_URL: process.env.TEST_RENDERER_URL ?? "http://127.0.0.1:9",
          JWT_SECRET: "test-jwt-secret-0123456789abcdef0123456789",
          RENDERER_SECRET: "test-renderer-secret-0123456789abcdef012345",
        },
      },
    }),
  ],
  test: {
    setupFiles: ["./test/apply-migrations.ts"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Request logs are one JSON line each; show only warnings and errors while tests run.
    onConsoleLog: (log) => !log.includes('"level":"info"'),
  },
});
