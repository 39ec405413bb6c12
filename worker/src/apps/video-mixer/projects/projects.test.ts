import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../../../../test/http";
import { createGroup, createProject, seedClip, signUpFresh } from "../../../../test/video-mixer-clips";

const BASE = "/api/apps/video-mixer";

describe("projects", () => {
  it("creates a project with empty counts", async () => {
    const { cookie } = await signUpFresh();
    const response = await call(`${BASE}/projects`, {
      method: "POST",
      cookie,
      json: { name: "  Ramadan promo  ", description: "Hijab collection" },
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: "Ramadan promo",
      description: "Hijab collection",
      clipCount: 0,
      groupCount: 0,
    });
    expect(Date.parse(response.body.createdAt)).not.toBeNaN();
  });

  it("rejects an empty or long name with 400", async () => {
    const { cookie } = await signUpFresh();
    const empty = await call(`${BASE}/projects`, { method: "POST", cookie, json: { name: "   " } });
    const long = await call(`${BASE}/projects`, { method: "POST", cookie, json: { name: "x".repeat(101) } });
    const description = await call(`${BASE}/projects`, {
      method: "POST",
      cookie,
      json: { name: "ok", description: "d".repeat(501) },
    });

    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].path).toBe("name");
    expect(long.status).toBe(400);
    expect(description.status).toBe(400);
  });

  it("rejects a body that is not JSON with 415", async () => {
    const { cookie } = await signUpFresh();
    const response = await call(`${BASE}/projects`, { method: "POST", cookie, body: "name=x" });

    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe("unsupported_media_type");
  });

  it("requires a session", async () => {
    const response = await call(`${BASE}/projects`);
    expect(response.status).toBe(401);
  });

  it("lists newest first, a page at a time", async () => {
    const { cookie } = await signUpFresh();
    for (const name of ["first", "second", "third"]) await createProject(cookie, name);

    const page1 = await call(`${BASE}/projects?limit=2`, { cookie });
    const page2 = await call(`${BASE}/projects?limit=2&cursor=${page1.body.nextCursor}`, { cookie });

    expect(page1.body.items.map((project: { name: string }) => project.name)).toEqual(["third", "second"]);
    expect(page2.body.items.map((project: { name: string }) => project.name)).toEqual(["first"]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("rejects a limit above 100 and a forged cursor", async () => {
    const { cookie } = await signUpFresh();
    expect((await call(`${BASE}/projects?limit=101`, { cookie })).status).toBe(400);
    expect((await call(`${BASE}/projects?cursor=bm9wZQ`, { cookie })).status).toBe(400);
  });

  it("shows only the user's own projects", async () => {
    const alice = await signUpFresh();
    const bob = await signUpFresh();
    await createProject(alice.cookie, "alice's");

    const list = await call(`${BASE}/projects`, { cookie: bob.cookie });
    expect(list.body.items).toEqual([]);
  });

  it("gets a project with counts and ordered groups", async () => {
    const { cookie, user } = await signUpFresh();
    const projectId = await createProject(cookie);
    const hook = await createGroup(cookie, projectId, "Hook");
    await createGroup(cookie, projectId, "Body");
    await seedClip(user.id, projectId, { groupId: hook });
    await seedClip(user.id, projectId);

    const response = await call(`${BASE}/projects/${projectId}`, { cookie });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: projectId, clipCount: 2, groupCount: 2 });
    expect(response.body.groups.map((group: { name: string; position: number; clipCount: number }) => group)).toEqual([
      { id: hook, projectId, name: "Hook", position: 0, clipCount: 1 },
      expect.objectContaining({ name: "Body", position: 1, clipCount: 0 }),
    ]);
  });

  it("updates name and description", async () => {
    const { cookie } = await signUpFresh();
    const projectId = await createProject(cookie, "Old");

    const renamed = await call(`${BASE}/projects/${projectId}`, { method: "PATCH", cookie, json: { name: "New" } });
    const described = await call(`${BASE}/projects/${projectId}`, {
      method: "PATCH",
      cookie,
      json: { description: "Now with text" },
    });
    const empty = await call(`${BASE}/projects/${projectId}`, { method: "PATCH", cookie, json: {} });

    expect(renamed.body.name).toBe("New");
    expect(described.body).toMatchObject({ name: "New", description: "Now with text" });
    expect(empty.status).toBe(400);
  });

  it("deletes every stored object of the project, then the rows", async () => {
    const { cookie, user } = await signUpFresh();
    const projectId = await createProject(cookie);
    const keep = await createProject(cookie, "Untouched");
    const groupId = await createGroup(cookie, projectId, "Hook");
    const clip = await seedClip(user.id, projectId, { groupId });
    const otherClip = await seedClip(user.id, keep);

    const generationId = crypto.randomUUID();
    await env.DB.prepare(
      "INSERT INTO video_mixer_generations (id, project_id, user_id, count, price_per_variant, cost, settings) VALUES (?, ?, ?, 1, 1, 1, '{}')",
    )
      .bind(generationId, projectId, user.id)
      .run();
    const extraKeys = [
      `normalized/${clip.id}/720x1280-30-2500.mp4`,
      `outputs/${user.id}/${generationId}/0.mp4`,
      `outputs/${user.id}/${generationId}/0.jpg`,
    ];
    for (const key of extraKeys) await env.BUCKET.put(key, "bytes");

    const response = await call(`${BASE}/projects/${projectId}`, { method: "DELETE", cookie });

    expect(response.status).toBe(204);
    for (const key of [clip.objectKey, ...extraKeys]) expect(await env.BUCKET.head(key)).toBeNull();
    expect(await env.BUCKET.head(otherClip.objectKey)).not.toBeNull();
    expect((await call(`${BASE}/projects/${projectId}`, { cookie })).status).toBe(404);

    const leftovers = await env.DB.prepare(
      "SELECT (SELECT count(*) FROM video_mixer_groups WHERE project_id = ?1) + (SELECT count(*) FROM video_mixer_clips WHERE project_id = ?1) + (SELECT count(*) FROM video_mixer_generations WHERE project_id = ?1) AS n",
    )
      .bind(projectId)
      .first<{ n: number }>();
    expect(leftovers?.n).toBe(0);
  });
});
