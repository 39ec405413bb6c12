import { describe, expect, it } from "vitest";
import { call } from "../../../test/http";
import { createGroup, createProject, seedClip, signUpFresh, videoFixture } from "../../../test/video-mixer-clips";
import { DEFAULT_SETTINGS } from "./settings";

const BASE = "/api/apps/video-mixer";

describe("another user's ids", () => {
  it("answer 404 on every route and change nothing", async () => {
    const owner = await signUpFresh();
    const intruder = await signUpFresh();
    const projectId = await createProject(owner.cookie, "Owner's");
    const groupId = await createGroup(owner.cookie, projectId, "Owner's group");
    const clip = await seedClip(owner.user.id, projectId, { groupId });
    const intruderProject = await createProject(intruder.cookie, "Intruder's");
    const intruderGroup = await createGroup(intruder.cookie, intruderProject, "Intruder's group");

    const upload = new FormData();
    upload.append("file", new File([videoFixture("mp4")], "clip.mp4", { type: "video/mp4" }));

    const attempts: [string, string, RequestInit & { json?: unknown }][] = [
      ["GET", `/projects/${projectId}`, {}],
      ["PATCH", `/projects/${projectId}`, { json: { name: "Taken" } }],
      ["DELETE", `/projects/${projectId}`, {}],
      ["POST", `/projects/${projectId}/groups`, { json: { name: "Sneaky" } }],
      ["PATCH", `/groups/${groupId}`, { json: { name: "Taken", position: 0 } }],
      ["DELETE", `/groups/${groupId}`, {}],
      ["POST", `/projects/${projectId}/clips`, { body: upload }],
      ["GET", `/projects/${projectId}/clips`, {}],
      ["PATCH", `/clips/${clip.id}`, { json: { groupId: null } }],
      ["PATCH", `/clips/${clip.id}`, { json: { groupId: intruderGroup } }],
      ["DELETE", `/clips/${clip.id}`, {}],
      ["POST", `/projects/${projectId}/estimate`, { json: { settings: DEFAULT_SETTINGS, count: 1 } }],
    ];

    for (const [method, path, init] of attempts) {
      const response = await call(`${BASE}${path}`, { ...init, method, cookie: intruder.cookie });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      expect(response.body.error.code).toBe("not_found");
    }

    const project = await call(`${BASE}/projects/${projectId}`, { cookie: owner.cookie });
    expect(project.body).toMatchObject({ name: "Owner's", clipCount: 1, groupCount: 1 });
    expect(project.body.groups[0]).toMatchObject({ id: groupId, name: "Owner's group", clipCount: 1 });
    const clips = await call(`${BASE}/projects/${projectId}/clips`, { cookie: owner.cookie });
    expect(clips.body.items).toEqual([expect.objectContaining({ id: clip.id, groupId })]);
  });

  it("answers 404 for the owner's clip moved into a foreign group", async () => {
    const owner = await signUpFresh();
    const intruder = await signUpFresh();
    const projectId = await createProject(owner.cookie);
    const clip = await seedClip(owner.user.id, projectId);
    const foreignProject = await createProject(intruder.cookie);
    const foreignGroup = await createGroup(intruder.cookie, foreignProject, "Theirs");

    const response = await call(`${BASE}/clips/${clip.id}`, {
      method: "PATCH",
      cookie: owner.cookie,
      json: { groupId: foreignGroup },
    });
    expect(response.status).toBe(404);
  });
});
