import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { call, callWithEnv } from "../../../../test/http";
import {
  createProjectWithClips,
  recordingQueue,
  setBalance,
  signUpUser,
  unlimited,
} from "../../../../test/video-mixer";
import { creditAccount } from "../../../credits/account";
import { getDb, schema } from "../../../db/client";
import { pricePerVariant } from "../pricing";
import { DEFAULT_SETTINGS } from "../settings";

const db = getDb(env.DB);
const PRICE = pricePerVariant(DEFAULT_SETTINGS);

async function generationsOf(projectId: string) {
  return db.select().from(schema.videoMixerGenerations).where(eq(schema.videoMixerGenerations.projectId, projectId));
}

async function outputsOf(generationId: string) {
  return db.select().from(schema.videoMixerOutputs).where(eq(schema.videoMixerOutputs.generationId, generationId));
}

describe("POST /projects/:projectId/generations", () => {
  it("admits exactly what 50 concurrent requests can pay for", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    await setBalance(user.id, 10 * PRICE);
    const { sent, queue } = recordingQueue();

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        callWithEnv(
          { RENDER_QUEUE: queue, GENERATE_LIMITER: unlimited },
          `/api/apps/video-mixer/projects/${projectId}/generations`,
          {
            method: "POST",
            cookie,
            json: { settings: DEFAULT_SETTINGS, count: 1 },
          },
        ),
      ),
    );

    const accepted = responses.filter((response) => response.status === 202);
    const refused = responses.filter((response) => response.status === 402);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const response of refused) {
      expect(response.body.error.code).toBe("insufficient_credits");
      expect(response.body.error.details.required).toBe(PRICE);
    }

    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(0);
    const stored = await generationsOf(projectId);
    expect(stored).toHaveLength(10);
    const acceptedIds = accepted.map((response) => response.body.id).sort();
    expect(stored.map((row) => row.id).sort()).toEqual(acceptedIds);
    const outputs = await db.select().from(schema.videoMixerOutputs);
    expect(outputs.filter((output) => acceptedIds.includes(output.generationId))).toHaveLength(10);
    expect(sent.map((message) => message.generationId).sort()).toEqual(acceptedIds);

    const ledger = await db.select().from(schema.creditLedger).where(eq(schema.creditLedger.userId, user.id));
    const reserves = ledger.filter((entry) => entry.kind === "job_reserve");
    expect(reserves).toHaveLength(10);
    expect(reserves.map((entry) => entry.reference).sort()).toEqual(acceptedIds);
    expect(ledger.reduce((sum, entry) => sum + entry.amount, 0)).toBe(0);
    expect(ledger.sort((a, b) => b.seq - a.seq)[0]?.balanceAfter).toBe(0);
  });

  it("returns 202 with the generation and queues one prepare", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    const { sent, queue } = recordingQueue();

    const response = await callWithEnv(
      { RENDER_QUEUE: queue },
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 3 },
      },
    );

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      projectId,
      status: "queued",
      count: 3,
      cost: 3 * PRICE,
      pricePerVariant: PRICE,
      settings: DEFAULT_SETTINGS,
      error: null,
      completedAt: null,
    });
    expect(response.body.outputs).toEqual(
      [0, 1, 2].map((index) => ({
        index,
        status: "queued",
        progress: 0,
        durationSeconds: null,
        sizeBytes: null,
        error: null,
      })),
    );
    expect(sent).toEqual([{ type: "video-mixer.prepare", generationId: response.body.id }]);
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(100 - 3 * PRICE);
    expect(await creditAccount(env, user.id).held(user.id, `vm-gen:${response.body.id}`)).toBe(3 * PRICE);

    const plans = (await outputsOf(response.body.id)).map((output) => JSON.stringify(output.plan));
    expect(new Set(plans).size).toBe(3);
  });

  it("stores 100 variants in one request", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c", "d", "e"]);
    await setBalance(user.id, 100 * PRICE);
    const { queue } = recordingQueue();

    const response = await callWithEnv(
      { RENDER_QUEUE: queue },
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 100 },
      },
    );

    expect(response.status).toBe(202);
    expect(await outputsOf(response.body.id)).toHaveLength(100);
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(0);
  });

  it("answers 402 with details and keeps no rows", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    await setBalance(user.id, PRICE);
    const { sent, queue } = recordingQueue();

    const response = await callWithEnv(
      { RENDER_QUEUE: queue },
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 2 },
      },
    );

    expect(response.status).toBe(402);
    expect(response.body.error.code).toBe("insufficient_credits");
    expect(response.body.error.details).toEqual({
      problem: "insufficient_credits",
      required: 2 * PRICE,
      balance: PRICE,
    });
    expect(response.body.error.message).toMatch(new RegExp(`costs ${2 * PRICE} credits, but the balance is ${PRICE}`));
    expect(await generationsOf(projectId)).toHaveLength(0);
    expect(sent).toHaveLength(0);
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(PRICE);
  });

  it("returns credits and answers 503 when the queue send fails", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    const { queue } = recordingQueue({ failSend: true });

    const response = await callWithEnv(
      { RENDER_QUEUE: queue },
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 2 },
      },
    );

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe("service_unavailable");
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(100);

    const [generation] = await generationsOf(projectId);
    expect(generation?.status).toBe("failed");
    expect(generation?.completedAt).not.toBeNull();
    const outputs = await outputsOf(generation?.id as string);
    expect(outputs.map((output) => output.status)).toEqual(["failed", "failed"]);
    expect(await creditAccount(env, user.id).held(user.id, `vm-gen:${generation?.id}`)).toBe(0);
  });

  it("rate-limits the 11th request within a minute", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    const { queue } = recordingQueue();
    const path = `/api/apps/video-mixer/projects/${projectId}/generations`;

    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const response = await callWithEnv({ RENDER_QUEUE: queue }, path, {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 1 },
      });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get("retry-after")).toBe("60");
    }

    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
  });

  it("rejects invalid input with 400 or 415", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    const { sent, queue } = recordingQueue();
    const path = `/api/apps/video-mixer/projects/${projectId}/generations`;
    const post = (json: unknown) =>
      callWithEnv({ RENDER_QUEUE: queue, GENERATE_LIMITER: unlimited }, path, { method: "POST", cookie, json });

    for (const count of [0, 101, 1.5]) {
      const response = await post({ settings: DEFAULT_SETTINGS, count });
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].path).toBe("count");
    }

    const badSettings = await post({ settings: { ...DEFAULT_SETTINGS, fps: 25 }, count: 1 });
    expect(badSettings.status).toBe(400);

    const contradiction = await post({ settings: { ...DEFAULT_SETTINGS, groupMixing: "sequential" }, count: 1 });
    expect(contradiction.status).toBe(400);
    expect(contradiction.body.error.code).toBe("invalid_request");
    expect(contradiction.body.error.message).toMatch(/group mixing/i);
    expect(contradiction.body.error.details).toEqual({ problem: "invalid_combination" });

    // Three clips in any order give 3! = 6 distinct variants.
    const tooMany = await post({ settings: DEFAULT_SETTINGS, count: 7 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe("invalid_request");
    expect(tooMany.body.error.details).toEqual({ problem: "too_many_variants", count: 7, distinctVariants: 6 });

    const notJson = await callWithEnv({ RENDER_QUEUE: queue }, path, { method: "POST", cookie, body: "count=1" });
    expect(notJson.status).toBe(415);

    expect(sent).toHaveLength(0);
    expect(await generationsOf(projectId)).toHaveLength(0);
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(100);
  });

  it("rejects a duration too short for the clips with 400", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(
      user.id,
      Array.from({ length: 12 }, (_, i) => `clip-${i}`),
    );
    const { sent, queue } = recordingQueue();
    const settings = { ...DEFAULT_SETTINGS, duration: { mode: "fixed", seconds: 5, fit: "equal" } };

    const response = await callWithEnv(
      { RENDER_QUEUE: queue },
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      { method: "POST", cookie, json: { settings, count: 1 } },
    );

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
    expect(response.body.error.message).toMatch(/12 clips at least 0\.5 s\. Use at most 10 clips/);
    expect(response.body.error.details).toEqual({
      problem: "duration_too_short",
      seconds: 5,
      segments: 12,
      minSegmentSeconds: 0.5,
      maxSegments: 10,
      minSeconds: 6,
    });
    expect(sent).toHaveLength(0);
    expect(await generationsOf(projectId)).toHaveLength(0);
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(100);
  });

  it("rejects a project without clips with 400", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, []);
    const { queue } = recordingQueue();

    const response = await callWithEnv(
      { RENDER_QUEUE: queue },
      `/api/apps/video-mixer/projects/${projectId}/generations`,
      {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 1 },
      },
    );

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual({ problem: "no_clips" });
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(100);
  });

  it("answers 404 for another user's project and 401 without a session", async () => {
    const owner = await signUpUser();
    const other = await signUpUser();
    const { projectId } = await createProjectWithClips(owner.user.id, ["a", "b", "c"]);
    const { queue } = recordingQueue();
    const path = `/api/apps/video-mixer/projects/${projectId}/generations`;
    const json = { settings: DEFAULT_SETTINGS, count: 1 };

    const foreign = await callWithEnv({ RENDER_QUEUE: queue }, path, { method: "POST", cookie: other.cookie, json });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");

    const unknown = await callWithEnv({ RENDER_QUEUE: queue }, "/api/apps/video-mixer/projects/nope/generations", {
      method: "POST",
      cookie: owner.cookie,
      json,
    });
    expect(unknown.status).toBe(404);

    const anonymous = await call(path, { method: "POST", json });
    expect(anonymous.status).toBe(401);
    expect(await generationsOf(projectId)).toHaveLength(0);
  });
});
