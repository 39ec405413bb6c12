import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { callWithEnv } from "../http";
import { createProjectWithClips } from "../video-mixer";
import { recordingDatabase, type Statement, signUpFromFreshIp } from "./helpers";

/** Runs a list endpoint and returns the plan of each SELECT it ran against `table`. */
async function plansFor(path: string, cookie: string, table: string) {
  const log: Statement[] = [];
  const response = await callWithEnv({ DB: recordingDatabase(env.DB, log) }, path, { cookie });
  expect(response.status, response.text).toBe(200);

  const selects = new Map<string, Statement>();
  for (const statement of log) {
    if (/^select/i.test(statement.sql) && statement.sql.includes(`"${table}"`)) selects.set(statement.sql, statement);
  }
  expect(selects.size, `no query on ${table}`).toBeGreaterThan(0);

  const plans = [];
  for (const { sql, params } of selects.values()) {
    const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    plans.push({ sql, detail: rows.results.map((row) => row.detail) });
  }
  return plans;
}

/** Asserts each plan reads `table` through an index search, never by scanning the whole table. */
function expectIndexedAccess(plans: { sql: string; detail: string[] }[], table: string) {
  for (const plan of plans) {
    const accesses = plan.detail.filter((line) => new RegExp(`^(SCAN|SEARCH) ${table}\\b`).test(line));
    expect(accesses.length, plan.sql).toBeGreaterThan(0);
    for (const line of accesses)
      expect(line, plan.sql).toMatch(/^SEARCH \S+ USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)\b/);
  }
}

describe("list queries use an index", () => {
  it("sessions", async () => {
    const { cookie } = await signUpFromFreshIp();
    expectIndexedAccess(await plansFor("/api/auth/sessions", cookie, "sessions"), "sessions");
  });

  it("credit history", async () => {
    const { cookie } = await signUpFromFreshIp();
    expectIndexedAccess(await plansFor("/api/credits/history?limit=5", cookie, "credit_ledger"), "credit_ledger");
  });

  it("AI models of an app", async () => {
    const { cookie } = await signUpFromFreshIp();
    expectIndexedAccess(await plansFor("/api/apps/video-mixer/models", cookie, "ai_models"), "ai_models");
  });

  it("Video Mixer projects", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    await createProjectWithClips(user.id, ["a"]);
    const plans = await plansFor("/api/apps/video-mixer/projects", cookie, "video_mixer_projects");
    expectIndexedAccess(plans, "video_mixer_projects");
  });

  it("Video Mixer clips", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b"]);
    const plans = await plansFor(`/api/apps/video-mixer/projects/${projectId}/clips`, cookie, "video_mixer_clips");
    expectIndexedAccess(plans, "video_mixer_clips");
  });

  it("Video Mixer generations", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    const { projectId } = await createProjectWithClips(user.id, ["a"]);
    const plans = await plansFor(
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      cookie,
      "video_mixer_generations",
    );
    expectIndexedAccess(plans, "video_mixer_generations");
  });
});
