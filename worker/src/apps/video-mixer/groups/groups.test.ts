import { describe, expect, it } from "vitest";
import { call } from "../../../../test/http";
import { createGroup, createProject, seedClip, signUpFresh } from "../../../../test/video-mixer-clips";

const BASE = "/api/apps/video-mixer";

async function groupNames(cookie: string, projectId: string): Promise<string[]> {
  const response = await call(`${BASE}/projects/${projectId}`, { cookie });
  return response.body.groups.map((group: { name: string; position: number }, index: number) => {
    expect(group.position).toBe(index);
    return group.name;
  });
}

describe("groups", () => {
  it("appends new groups last", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie);

    const first = await call(`${BASE}/projects/${projectId}/groups`, {
      method: "POST",
      cookie,
      json: { name: "Hook" },
    });
    const second = await call(`${BASE}/projects/${projectId}/groups`, {
      method: "POST",
      cookie,
      json: { name: "CTA" },
    });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ projectId, name: "Hook", position: 0, clipCount: 0 });
    expect(second.body.position).toBe(1);
  });

  it("rejects an empty name with 400", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie);
    const response = await call(`${BASE}/projects/${projectId}/groups`, { method: "POST", cookie, json: { name: "" } });
    expect(response.status).toBe(400);
  });

  it("renames a group", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie);
    const groupId = await createGroup(cookie, projectId, "Hook");

    const response = await call(`${BASE}/groups/${groupId}`, { method: "PATCH", cookie, json: { name: "Opening" } });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: groupId, name: "Opening", position: 0 });
  });

  it("moves a group and renumbers the others", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie);
    await createGroup(cookie, projectId, "A");
    await createGroup(cookie, projectId, "B");
    const c = await createGroup(cookie, projectId, "C");

    const toFront = await call(`${BASE}/groups/${c}`, { method: "PATCH", cookie, json: { position: 0 } });
    expect(toFront.body.position).toBe(0);
    expect(await groupNames(cookie, projectId)).toEqual(["C", "A", "B"]);

    const pastEnd = await call(`${BASE}/groups/${c}`, { method: "PATCH", cookie, json: { position: 99 } });
    expect(pastEnd.body.position).toBe(2);
    expect(await groupNames(cookie, projectId)).toEqual(["A", "B", "C"]);
  });

  it("rejects a negative position with 400", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie);
    const groupId = await createGroup(cookie, projectId, "A");
    const response = await call(`${BASE}/groups/${groupId}`, { method: "PATCH", cookie, json: { position: -1 } });
    expect(response.status).toBe(400);
  });

  it("deletes a group, ungrouping its clips after the loose ones", async () => {
    const { cookie, user } = await signUpFresh();
    const projectId = await createProject(cookie);
    const a = await createGroup(cookie, projectId, "A");
    const b = await createGroup(cookie, projectId, "B");
    await createGroup(cookie, projectId, "C");
    const loose = await seedClip(user.id, projectId, { position: 0 });
    const inB0 = await seedClip(user.id, projectId, { groupId: b, position: 0 });
    const inB1 = await seedClip(user.id, projectId, { groupId: b, position: 1 });
    await seedClip(user.id, projectId, { groupId: a, position: 0 });

    const response = await call(`${BASE}/groups/${b}`, { method: "DELETE", cookie });

    expect(response.status).toBe(204);
    expect(await groupNames(cookie, projectId)).toEqual(["A", "C"]);
    const clips = await call(`${BASE}/projects/${projectId}/clips`, { cookie });
    const ungrouped = clips.body.items.filter((clip: { groupId: string | null }) => clip.groupId === null);
    expect(ungrouped.map((clip: { id: string; position: number }) => [clip.id, clip.position])).toEqual([
      [loose.id, 0],
      [inB0.id, 1],
      [inB1.id, 2],
    ]);
  });
});
