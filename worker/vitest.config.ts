import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const migrations = await readD1Migrations(path.join(root, "migrations"));

export default defineConfig({
  plugins: [
    // A function, so that RENDERER_URL is read when the pool starts: after the global setup
    // below has started the renderer and set TEST_RENDERER_URL.
    cloudflareTest(() => ({
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
          // The Duitku simulator started by test/duitku-simulator-setup.ts; never a real host.
          DUITKU_MERCHANT_CODE: "DSIMTEST",
          DUITKU_API_KEY: "test-duitku-api-key-0123456789abcdef",
          DUITKU_BASE_URL: process.env.TEST_DUITKU_URL ?? "http://127.0.0.1:9",
          DUITKU_CALLBACK_URL: "http://127.0.0.1:8787/api/payments/duitku/callback",
          DUITKU_RETURN_URL: "http://127.0.0.1:5173/payments/return",
          DUITKU_CALLBACK_IPS: "",
        },
      },
    })),
  ],
  test: {
    setupFiles: ["./test/apply-migrations.ts"],
    // Starts a protocol-level renderer stand-in for the queue consumer tests; see the file.
    // renderer-setup.ts starts the real renderer and writes video fixtures for the upload tests.
    globalSetup: ["./test/renderer-stub-setup.ts", "./test/renderer-setup.ts", "./test/duitku-simulator-setup.ts"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Request logs are one JSON line each; show only warnings and errors while tests run.
    onConsoleLog: (log) => !log.includes('"level":"info"'),
  },
});
