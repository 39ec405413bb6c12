import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { requireAppAccess } from "../../src/apps/access";
import { call, callWithEnv } from "../http";
import { recordingDatabase, type Statement, signUpFromFreshIp } from "./helpers";

async function setTier(userId: string, tier: string, expiresAt: number | null = null) {
  await env.DB.prepare("UPDATE users SET tier = ?, tier_expires_at = ? WHERE id = ?")
    .bind(tier, expiresAt, userId)
    .run();
}

async function setSeedModel(fields: { enabled?: 0 | 1; tier?: string }) {
  if (fields.enabled !== undefined) {
    await env.DB.prepare("UPDATE ai_models SET enabled = ? WHERE id = 'video-mixer:ffmpeg-standard'")
      .bind(fields.enabled)
      .run();
  }
  if (fields.tier !== undefined) {
    await env.DB.prepare("UPDATE ai_models SET tier = ? WHERE id = 'video-mixer:ffmpeg-standard'")
      .bind(fields.tier)
      .run();
  }
}

afterEach(async () => {
  await setSeedModel({ enabled: 1, tier: "free" });
  await env.DB.prepare("DELETE FROM ai_models WHERE app_id = 'video-mixer' AND model_id != 'ffmpeg-standard'").run();
});

/** Builds the production app plus routes guarded the way an app's router applies the guard. */
function guardedApp() {
  const calls = { handler: 0 };
  const app = createApp();
  app.get("/api/test-only/mixer", requireAppAccess("video-mixer"), (c) => {
    calls.handler += 1;
    return c.json({ ok: true });
  });
  app.get("/api/test-only/carousel", requireAppAccess("carousel-mix"), (c) => {
    calls.handler += 1;
    return c.json({ ok: true });
  });
  const fetch = async (path: string, cookie?: string) => {
    const headers = cookie ? { cookie } : undefined;
    const response = await app.fetch(
      new Request(`http://127.0.0.1:8787${path}`, { headers }),
      env,
      createExecutionContext(),
    );
    return { status: response.status, body: (await response.json()) as any };
  };
  return { calls, fetch };
}

describe("requireAppAccess", () => {
  it("lets a free user into an app with a free model", async () => {
    const { cookie } = await signUpFromFreshIp();
    const { fetch, calls } = guardedApp();
    expect((await fetch("/api/test-only/mixer", cookie)).status).toBe(200);
    expect(calls.handler).toBe(1);
  });

  it("stops a tier without a model before the handler runs", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    await setSeedModel({ tier: "pro" });
    const { fetch, calls } = guardedApp();

    const denied = await fetch("/api/test-only/mixer", cookie);
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toEqual({ appId: "video-mixer", requiredTier: "pro" });
    expect(calls.handler).toBe(0);

    await setTier(user.id, "enterprise");
    expect((await fetch("/api/test-only/mixer", cookie)).status).toBe(200);
  });

  it("treats an expired paid tier as free", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    await setSeedModel({ tier: "basic" });
    await setTier(user.id, "pro", Date.now() - 1000);
    expect((await guardedApp().fetch("/api/test-only/mixer", cookie)).status).toBe(403);
  });

  it("stops everyone when every model is disabled", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    await setTier(user.id, "enterprise");
    await setSeedModel({ enabled: 0 });
    const denied = await guardedApp().fetch("/api/test-only/mixer", cookie);
    expect(denied.status).toBe(403);
    expect(denied.body.error.details.requiredTier).toBeNull();
  });

  it("stops a coming-soon app", async () => {
    const { cookie } = await signUpFromFreshIp();
    const { fetch, calls } = guardedApp();
    expect((await fetch("/api/test-only/carousel", cookie)).status).toBe(403);
    expect(calls.handler).toBe(0);
  });

  it("needs a session", async () => {
    const { fetch, calls } = guardedApp();
    expect((await fetch("/api/test-only/mixer")).status).toBe(401);
    expect(calls.handler).toBe(0);
  });

  it("rejects an unknown app id when the router is built", () => {
    expect(() => requireAppAccess("no-such-app")).toThrow(/no app/);
  });
});

describe("dashboard apps", () => {
  type App = { id: string; canOpen: boolean; availableModels: number; requiredTier: string | null };
  const mixer = (items: App[]) => items.find((app) => app.id === "video-mixer")!;

  it("lists every registered app, with or without model rows", async () => {
    const { cookie } = await signUpFromFreshIp();
    const response = await call("/api/apps", { cookie });
    expect(response.body.items.map((app: App) => app.id)).toEqual([
      "video-mixer",
      "carousel-mix",
      "looping-flow",
      "avatar-creator",
    ]);
    expect(mixer(response.body.items)).toMatchObject({ canOpen: true, availableModels: 1, requiredTier: "free" });
    expect(response.body.nextCursor).toBeNull();
  });

  it("serves a repeat from the cache with one catalog query", async () => {
    const { cookie } = await signUpFromFreshIp();
    await call("/api/apps", { cookie });

    const log: Statement[] = [];
    const repeat = await callWithEnv({ DB: recordingDatabase(env.DB, log) }, "/api/apps", { cookie });
    expect(repeat.status).toBe(200);
    const catalogQueries = log.filter((statement) => /ai_models|catalog_versions/.test(statement.sql));
    expect(catalogQueries.map((statement) => statement.sql)).toEqual([expect.stringContaining("catalog_versions")]);
  });

  it("recomputes after a model change", async () => {
    const { cookie } = await signUpFromFreshIp();
    expect(mixer((await call("/api/apps", { cookie })).body.items).canOpen).toBe(true);

    await setSeedModel({ tier: "pro" });
    const after = mixer((await call("/api/apps", { cookie })).body.items);
    expect(after).toMatchObject({ canOpen: false, availableModels: 0, requiredTier: "pro" });
  });

  it("recomputes after the user's tier changes", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    await setSeedModel({ tier: "basic" });
    expect(mixer((await call("/api/apps", { cookie })).body.items).canOpen).toBe(false);

    await setTier(user.id, "basic");
    expect(mixer((await call("/api/apps", { cookie })).body.items).canOpen).toBe(true);
  });

  it("pages by dashboard order", async () => {
    const { cookie } = await signUpFromFreshIp();
    const first = await call("/api/apps?limit=3", { cookie });
    expect(first.body.items).toHaveLength(3);
    const second = await call(`/api/apps?limit=3&cursor=${first.body.nextCursor}`, { cookie });
    expect(second.body.items.map((app: App) => app.id)).toEqual(["avatar-creator"]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("app models", () => {
  it("lists only the models the tier includes", async () => {
    const { cookie, user } = await signUpFromFreshIp();
    await env.DB.prepare(
      "INSERT INTO ai_models (id, app_id, model_id, name, tier, credit_cost) VALUES ('video-mixer:pro-x', 'video-mixer', 'pro-x', 'Pro X', 'pro', 5)",
    ).run();

    const free = await call("/api/apps/video-mixer/models", { cookie });
    expect(free.body.items.map((model: { id: string }) => model.id)).toEqual(["ffmpeg-standard"]);

    await setTier(user.id, "pro");
    const pro = await call("/api/apps/video-mixer/models", { cookie });
    expect(pro.body.items).toEqual([
      { id: "ffmpeg-standard", appId: "video-mixer", name: "FFmpeg Standard", tier: "free", creditCost: 1 },
      { id: "pro-x", appId: "video-mixer", name: "Pro X", tier: "pro", creditCost: 5 },
    ]);
  });

  it("answers 404 for an unknown app", async () => {
    const { cookie } = await signUpFromFreshIp();
    expect((await call("/api/apps/no-such-app/models", { cookie })).status).toBe(404);
  });
});
