import { describe, expect, inject, it } from "vitest";
import { call, callWithEnv } from "../../../../test/http";
import {
  createProjectWithClips,
  recordingQueue,
  renderGeneration,
  signUpUser,
  unlimited,
} from "../../../../test/video-mixer";
import { DEFAULT_SETTINGS } from "../settings";

describe("GET /projects/:projectId/generations", () => {
  it("lists newest first across pages", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a", "b", "c"]);
    const { queue } = recordingQueue();
    const path = `/api/apps/video-mixer/projects/${projectId}/generations`;

    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await callWithEnv({ RENDER_QUEUE: queue, GENERATE_LIMITER: unlimited }, path, {
        method: "POST",
        cookie,
        json: { settings: DEFAULT_SETTINGS, count: 1 },
      });
      created.push(response.body.id);
    }

    const first = await call(`${path}?limit=2`, { cookie });
    const second = await call(`${path}?limit=2&cursor=${first.body.nextCursor}`, { cookie });
    const third = await call(`${path}?limit=2&cursor=${second.body.nextCursor}`, { cookie });

    expect(first.status).toBe(200);
    const listed = [...first.body.items, ...second.body.items, ...third.body.items].map((item) => item.id);
    expect(listed).toEqual([...created].reverse());
    expect(third.body.nextCursor).toBeNull();
    expect(first.body.items[0].outputs).toHaveLength(1);
    expect(first.body.items[0].outputs[0]).toEqual({
      index: 0,
      status: "queued",
      progress: 0,
      durationSeconds: null,
      sizeBytes: null,
      error: null,
    });
  });

  it("rejects a malformed cursor with 400", async () => {
    const { cookie, user } = await signUpUser();
    const { projectId } = await createProjectWithClips(user.id, ["a"]);

    const response = await call(`/api/apps/video-mixer/projects/${projectId}/generations?cursor=xyz`, { cookie });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_request");
  });
});

describe("GET /generations/:generationId", () => {
  it("shows a finished generation with its outputs", async () => {
    const run = await renderGeneration(inject("rendererStubUrl"), ["clip-a", "clip-b", "clip-c"], 2);

    const response = await call(`/api/apps/video-mixer/generations/${run.generationId}`, { cookie: run.cookie });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: run.generationId,
      projectId: run.projectId,
      status: "completed",
      count: 2,
    });
    expect(Date.parse(response.body.completedAt)).toBeGreaterThanOrEqual(Date.parse(response.body.createdAt));
    for (const output of response.body.outputs) {
      expect(output.status).toBe("completed");
      expect(output.progress).toBe(1);
      expect(output.durationSeconds).toBe(6);
      expect(output.sizeBytes).toBeGreaterThan(24);
    }
  });

  it("answers 404 for an unknown id", async () => {
    const { cookie } = await signUpUser();

    const response = await call(`/api/apps/video-mixer/generations/${crypto.randomUUID()}`, { cookie });

    expect(response.status).toBe(404);
  });
});
