import { describe, expect, it } from "vitest";
import { call } from "../../../test/http";
import { createGroup, createProject, seedClip, signUpFresh } from "../../../test/video-mixer-clips";
import { DEFAULT_SETTINGS, type MixSettings } from "./settings";

const BASE = "/api/apps/video-mixer";

async function estimate(cookie: string, projectId: string, settings: unknown, count: number) {
  return call(`${BASE}/projects/${projectId}/estimate`, { method: "POST", cookie, json: { settings, count } });
}

async function projectWithClips(durations: number[]) {
  const { cookie, user } = await signUpFresh();
  const projectId = await createProject(cookie);
  for (const [position, durationSeconds] of durations.entries()) {
    await seedClip(user.id, projectId, { position, durationSeconds });
  }
  return { cookie, user, projectId };
}

// DEFAULT_SETTINGS: order mixing at 720p, 4 credits per variant.
const settings: MixSettings = { ...DEFAULT_SETTINGS };

describe("estimate", () => {
  it("prices a valid generation without problems", async () => {
    const { cookie, projectId } = await projectWithClips([2, 3, 4]);

    const response = await estimate(cookie, projectId, settings, 5);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      count: 5,
      distinctVariants: 6,
      distinctVariantsCapped: false,
      pricePerVariant: 4,
      totalCost: 20,
      predictedDurationSeconds: 9,
      predictedDurationRange: { min: 9, max: 9 },
      balance: 100,
      problems: [],
    });
  });

  it("predicts a range under speed variation", async () => {
    const { cookie, projectId } = await projectWithClips([2, 3, 4]);
    const varied = { ...settings, speed: { min: 0.5, max: 2 } };

    const response = await estimate(cookie, projectId, varied, 3);

    expect(response.status).toBe(200);
    expect(response.body.predictedDurationRange).toEqual({ min: 4.5, max: 18 });
    expect(response.body.predictedDurationSeconds).toBeGreaterThanOrEqual(4.5);
    expect(response.body.predictedDurationSeconds).toBeLessThanOrEqual(18);
  });

  it("predicts a fixed duration", async () => {
    const { cookie, projectId } = await projectWithClips([10, 10, 10]);
    const fixed = { ...settings, duration: { mode: "fixed", seconds: 15, fit: "equal" } };
    const response = await estimate(cookie, projectId, fixed, 2);
    expect(response.body.predictedDurationSeconds).toBe(15);
    expect(response.body.pricePerVariant).toBe(5);
  });

  it("reports a capped count", async () => {
    const { cookie, projectId } = await projectWithClips(Array.from({ length: 12 }, () => 2));
    const response = await estimate(cookie, projectId, settings, 1);
    expect(response.body).toMatchObject({ distinctVariants: 1_000_000, distinctVariantsCapped: true, problems: [] });
  });

  it("lists a project without clips", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie);

    const response = await estimate(cookie, projectId, settings, 1);

    expect(response.status).toBe(200);
    expect(response.body.distinctVariants).toBe(0);
    expect(response.body.predictedDurationSeconds).toBe(0);
    expect(response.body.problems).toEqual([
      { code: "no_clips", message: "The project has no clips yet. Upload at least one clip.", params: {} },
    ]);
  });

  it("lists a count above the distinct variants", async () => {
    const { cookie, projectId } = await projectWithClips([2, 3]);
    const response = await estimate(cookie, projectId, settings, 3);
    expect(response.body.problems).toEqual([
      {
        code: "too_many_variants",
        message: expect.stringMatching(/only 2 distinct variants/),
        params: { count: 3, distinctVariants: 2 },
      },
    ]);
  });

  it("lists missing credits", async () => {
    const { cookie, projectId } = await projectWithClips([2, 3, 4, 5, 6]);
    const response = await estimate(cookie, projectId, settings, 30);
    expect(response.body).toMatchObject({ totalCost: 120, balance: 100 });
    expect(response.body.problems).toEqual([
      {
        code: "insufficient_credits",
        message: expect.stringMatching(/costs 120 credits, but the balance is 100/),
        params: { required: 120, balance: 100 },
      },
    ]);
  });

  it("lists an invalid combination", async () => {
    const { cookie, user, projectId } = await projectWithClips([]);
    const groupId = await createGroup(cookie, projectId, "Hook");
    await seedClip(user.id, projectId, { groupId });

    const response = await estimate(cookie, projectId, { ...settings, groupMixing: "random", orderMixing: true }, 1);

    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([
      {
        code: "invalid_combination",
        message: expect.stringMatching(/cannot be combined with group mixing/),
        params: {},
      },
    ]);
  });

  it("lists group mixing without grouped clips", async () => {
    const { cookie, projectId } = await projectWithClips([2, 3]);
    const response = await estimate(
      cookie,
      projectId,
      { ...settings, orderMixing: false, groupMixing: "sequential" },
      1,
    );
    expect(response.body.problems).toEqual([
      { code: "no_grouped_clips", message: expect.stringMatching(/needs at least one group with clips/), params: {} },
    ]);
  });

  it("lists a duration too short for the clips", async () => {
    const { cookie, projectId } = await projectWithClips(Array.from({ length: 12 }, () => 4));
    const fixed = { ...settings, duration: { mode: "fixed", seconds: 5, fit: "proportional" } };

    const response = await estimate(cookie, projectId, fixed, 1);

    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([
      {
        code: "duration_too_short",
        message:
          "A 5 s video cannot give each of its 12 clips at least 0.5 s. Use at most 10 clips, or set the duration to at least 6 s.",
        params: { seconds: 5, segments: 12, minSegmentSeconds: 0.5, maxSegments: 10, minSeconds: 6 },
      },
    ]);
    expect(response.body.predictedDurationSeconds).toBe(0);
  });

  it("lists a duration too short for the groups", async () => {
    const { cookie, user } = await signUpFresh();
    const projectId = await createProject(cookie);
    for (let position = 0; position < 11; position++) {
      const groupId = await createGroup(cookie, projectId, `Group ${position}`);
      await seedClip(user.id, projectId, { groupId, durationSeconds: 2 });
    }
    const fixed = {
      ...settings,
      orderMixing: false,
      groupMixing: "sequential",
      duration: { mode: "fixed", seconds: 5, fit: "speed" },
    };

    const response = await estimate(cookie, projectId, fixed, 1);

    expect(response.body.problems).toEqual([
      {
        code: "duration_too_short_for_groups",
        message: expect.stringMatching(/each of the 11 groups.*at most 10 groups/),
        params: { seconds: 5, segments: 11, minSegmentSeconds: 0.5, maxSegments: 10, minSeconds: 5.5 },
      },
    ]);
  });

  it("lists clips without a playable duration", async () => {
    const { cookie, projectId } = await projectWithClips([0]);
    const response = await estimate(cookie, projectId, settings, 1);
    expect(response.body.problems.map((problem: { code: string }) => problem.code)).toEqual(["no_playable_clips"]);
  });

  it("lists several problems in fixing order", async () => {
    const { cookie, projectId } = await projectWithClips([2, 3]);
    const response = await estimate(cookie, projectId, settings, 30);
    expect(response.body.problems.map((problem: { code: string }) => problem.code)).toEqual([
      "too_many_variants",
      "insufficient_credits",
    ]);
  });

  it("rejects invalid settings and counts with 400", async () => {
    const { cookie, projectId } = await projectWithClips([2]);
    const badSpeed = await estimate(cookie, projectId, { ...settings, speed: { min: 3, max: 4 } }, 1);
    const tooMany = await estimate(cookie, projectId, settings, 101);
    const fractional = await estimate(cookie, projectId, settings, 1.5);

    expect(badSpeed.status).toBe(400);
    expect(tooMany.status).toBe(400);
    expect(fractional.status).toBe(400);
  });
});
