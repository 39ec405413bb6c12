import { describe, expect, it } from "vitest";
import { call } from "../../../../test/http";
import { createGroup, createProject, seedClip, signUpFresh } from "../../../../test/video-mixer-clips";

const BASE = "/api/apps/video-mixer";

interface ClipItem {
  id: string;
  groupId: string | null;
  position: number;
}

async function listAll(cookie: string, projectId: string, limit = 100): Promise<ClipItem[]> {
  const items: ClipItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const response = await call(`${BASE}/projects/${projectId}/clips${query}`, { cookie });
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

/** Creates groups A and B (B first, then A moved in front) with clips in each, plus ungrouped clips. */
async function arrangedProject() {
  const { cookie, user } = await signUpFresh();
  const projectId = await createProject(cookie);
  const b = await createGroup(cookie, projectId, "B");
  const a = await createGroup(cookie, projectId, "A");
  await call(`${BASE}/groups/${a}`, { method: "PATCH", cookie, json: { position: 0 } });

  const loose0 = await seedClip(user.id, projectId, { position: 0 });
  const b1 = await seedClip(user.id, projectId, { groupId: b, position: 1 });
  const a0 = await seedClip(user.id, projectId, { groupId: a, position: 0 });
  const b0 = await seedClip(user.id, projectId, { groupId: b, position: 0 });
  const a1 = await seedClip(user.id, projectId, { groupId: a, position: 1 });
  const loose1 = await seedClip(user.id, projectId, { position: 1 });
  return { cookie, user, projectId, a, b, clips: { a0, a1, b0, b1, loose0, loose1 } };
}

describe("clip list", () => {
  it("orders by group position, then clip position, ungrouped last", async () => {
    const { cookie, projectId, clips } = await arrangedProject();
    const ids = (await listAll(cookie, projectId)).map((clip) => clip.id);
    expect(ids).toEqual([clips.a0, clips.a1, clips.b0, clips.b1, clips.loose0, clips.loose1].map((clip) => clip.id));
  });

  it("pages through the same order", async () => {
    const { cookie, projectId } = await arrangedProject();
    const whole = (await listAll(cookie, projectId)).map((clip) => clip.id);
    const paged = (await listAll(cookie, projectId, 2)).map((clip) => clip.id);
    expect(paged).toEqual(whole);
  });
});

describe("clip update", () => {
  it("moves a clip into another group at an index", async () => {
    const { cookie, projectId, a, b, clips } = await arrangedProject();

    const response = await call(`${BASE}/clips/${clips.b1.id}`, {
      method: "PATCH",
      cookie,
      json: { groupId: a, order: 1 },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: clips.b1.id, groupId: a, position: 1 });
    const listed = await listAll(cookie, projectId);
    expect(listed.filter((clip) => clip.groupId === a).map((clip) => [clip.id, clip.position])).toEqual([
      [clips.a0.id, 0],
      [clips.b1.id, 1],
      [clips.a1.id, 2],
    ]);
    expect(listed.filter((clip) => clip.groupId === b).map((clip) => [clip.id, clip.position])).toEqual([
      [clips.b0.id, 0],
    ]);
  });

  it("appends when no order is given", async () => {
    const { cookie, a, clips } = await arrangedProject();
    const response = await call(`${BASE}/clips/${clips.loose0.id}`, { method: "PATCH", cookie, json: { groupId: a } });
    expect(response.body).toMatchObject({ groupId: a, position: 2 });
  });

  it("reorders within a group and closes gaps", async () => {
    const { cookie, projectId, a, clips } = await arrangedProject();

    await call(`${BASE}/clips/${clips.a1.id}`, { method: "PATCH", cookie, json: { groupId: a, order: 0 } });

    const listed = await listAll(cookie, projectId);
    expect(listed.filter((clip) => clip.groupId === a).map((clip) => clip.id)).toEqual([clips.a1.id, clips.a0.id]);
  });

  it("ungroups a clip with groupId null", async () => {
    const { cookie, projectId, clips } = await arrangedProject();

    const response = await call(`${BASE}/clips/${clips.a0.id}`, {
      method: "PATCH",
      cookie,
      json: { groupId: null, order: 0 },
    });

    expect(response.body).toMatchObject({ groupId: null, position: 0 });
    const loose = (await listAll(cookie, projectId)).filter((clip) => clip.groupId === null);
    expect(loose.map((clip) => clip.id)).toEqual([clips.a0.id, clips.loose0.id, clips.loose1.id]);
  });

  it("rejects a group of another project with 404", async () => {
    const { cookie, clips } = await arrangedProject();
    const otherProject = await createProject(cookie, "Other");
    const foreign = await createGroup(cookie, otherProject, "Foreign");

    const response = await call(`${BASE}/clips/${clips.a0.id}`, {
      method: "PATCH",
      cookie,
      json: { groupId: foreign },
    });
    expect(response.status).toBe(404);
  });

  it("requires groupId in the body", async () => {
    const { cookie, clips } = await arrangedProject();
    const response = await call(`${BASE}/clips/${clips.a0.id}`, { method: "PATCH", cookie, json: { order: 1 } });
    expect(response.status).toBe(400);
  });
});

describe("clip delete", () => {
  it("closes the gap in its group", async () => {
    const { cookie, projectId, a, clips } = await arrangedProject();

    const response = await call(`${BASE}/clips/${clips.a0.id}`, { method: "DELETE", cookie });

    expect(response.status).toBe(204);
    const inA = (await listAll(cookie, projectId)).filter((clip) => clip.groupId === a);
    expect(inA.map((clip) => [clip.id, clip.position])).toEqual([[clips.a1.id, 0]]);
  });
});
