import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("were found and applied", async () => {
    // readD1Migrations reads only flat *.sql files; a nested layout would silently yield none.
    expect(env.TEST_MIGRATIONS.length).toBeGreaterThanOrEqual(3);
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{
      name: string;
    }>();
    const names = tables.results.map((row) => row.name);
    for (const table of ["users", "sessions", "refresh_tokens", "ai_models", "catalog_versions", "credit_ledger"]) {
      expect(names).toContain(table);
    }
  });

  it("never disable foreign keys, which D1 ignores", () => {
    for (const migration of env.TEST_MIGRATIONS) {
      for (const query of migration.queries) {
        expect(query, migration.name).not.toMatch(/PRAGMA\s+foreign_keys\s*=\s*(OFF|0|false)/i);
      }
    }
  });

  it("seed the free Video Mixer model", async () => {
    const row = await env.DB.prepare(
      "SELECT tier, enabled, credit_cost FROM ai_models WHERE app_id = ? AND model_id = ?",
    )
      .bind("video-mixer", "ffmpeg-standard")
      .first();
    expect(row).toEqual({ tier: "free", enabled: 1, credit_cost: 1 });
  });

  it("keep the catalog version in step with ai_models", async () => {
    const version = async () =>
      (
        await env.DB.prepare("SELECT version FROM catalog_versions WHERE name = 'ai_models'").first<{
          version: number;
        }>()
      )?.version;
    const before = await version();
    await env.DB.prepare(
      "INSERT INTO ai_models (id, app_id, model_id, name, tier, credit_cost) VALUES ('t:m', 'test-app', 'm', 'M', 'pro', 3)",
    ).run();
    await env.DB.prepare("UPDATE ai_models SET enabled = 0 WHERE id = 't:m'").run();
    await env.DB.prepare("DELETE FROM ai_models WHERE id = 't:m'").run();
    expect(await version()).toBe((before as number) + 3);
  });

  it("enforce one row per app and model", async () => {
    await expect(
      env.DB.prepare(
        "INSERT INTO ai_models (id, app_id, model_id, name, tier, credit_cost) VALUES ('dup', 'video-mixer', 'ffmpeg-standard', 'Dup', 'free', 1)",
      ).run(),
    ).rejects.toThrow(/UNIQUE/);
  });
});
