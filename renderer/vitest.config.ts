import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Generates the input clips once with ffmpeg and deletes them after the run.
    globalSetup: ["./test/fixtures.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
