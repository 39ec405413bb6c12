import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { outputThumbnailKey, outputVideoKey } from "../../src/apps/video-mixer/outputs/keys";
import { DEFAULT_SETTINGS } from "../../src/apps/video-mixer/settings";
import { getDb, schema } from "../../src/db/client";
import { call } from "../http";
import { createProjectWithClips } from "../video-mixer";
import { countRows, signUpFromFreshIp } from "./helpers";

const BASE = "/api/apps/video-mixer";

interface Fixture {
  projectId: string;
  groupId: string;
  clipId: string;
  generationId: string;
}

type Ids = Fixture;

interface Probe {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path under the Video Mixer mount, in the router's `:param` form. */
  route: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => { json?: unknown; form?: FormData };
}

// Every Video Mixer route that takes a resource id, from the Video Mixer API contract.
const PROBES: Probe[] = [
  { method: "GET", route: "/projects/:projectId", path: (ids) => `/projects/${ids.projectId}` },
  {
    method: "PATCH",
    route: "/projects/:projectId",
    path: (ids) => `/projects/${ids.projectId}`,
    body: () => ({ json: { name: "pwned" } }),
  },
  { method: "DELETE", route: "/projects/:projectId", path: (ids) => `/projects/${ids.projectId}` },
  { method: "GET", route: "/projects/:projectId/clips", path: (ids) => `/projects/${ids.projectId}/clips` },
  {
    method: "POST",
    route: "/projects/:projectId/clips",
    path: (ids) => `/projects/${ids.projectId}/clips`,
    body: () => {
      const form = new FormData();
      form.append("file", new File([new Uint8Array(64)], "clip.mp4", { type: "video/mp4" }));
      return { form };
    },
  },
  {
    method: "POST",
    route: "/projects/:projectId/groups",
    path: (ids) => `/projects/${ids.projectId}/groups`,
    body: () => ({ json: { name: "pwned" } }),
  },
  { method: "GET", route: "/projects/:projectId/generations", path: (ids) => `/projects/${ids.projectId}/generations` },
  {
    method: "POST",
    route: "/projects/:projectId/generations",
    path: (ids) => `/projects/${ids.projectId}/generations`,
    body: () => ({ json: { settings: DEFAULT_SETTINGS, count: 1 } }),
  },
  {
    method: "POST",
    route: "/projects/:projectId/estimate",
    path: (ids) => `/projects/${ids.projectId}/estimate`,
    body: () => ({ json: { settings: DEFAULT_SETTINGS, count: 1 } }),
  },
  {
    method: "PATCH",
    route: "/groups/:groupId",
    path: (ids) => `/groups/${ids.groupId}`,
    body: () => ({ json: { name: "pwned" } }),
  },
  { method: "DELETE", route: "/groups/:groupId", path: (ids) => `/groups/${ids.groupId}` },
  {
    method: "PATCH",
    route: "/clips/:clipId",
    path: (ids) => `/clips/${ids.clipId}`,
    body: () => ({ json: { groupId: null } }),
  },
  { method: "DELETE", route: "/clips/:clipId", path: (ids) => `/clips/${ids.clipId}` },
  { method: "GET", route: "/generations/:generationId", path: (ids) => `/generations/${ids.generationId}` },
  {
    method: "GET",
    route: "/generations/:generationId/outputs/:index",
    path: (ids) => `/generations/${ids.generationId}/outputs/0`,
  },
  {
    method: "GET",
    route: "/generations/:generationId/outputs/:index/thumbnail",
    path: (ids) => `/generations/${ids.generationId}/outputs/0/thumbnail`,
  },
  { method: "GET", route: "/generations/:generationId/zip", path: (ids) => `/generations/${ids.generationId}/zip` },
];

/** Routes the app registers now, with parameter names blanked so only the shape is compared. */
const shape = (path: string) => path.replace(/:[^/]+/g, ":");
const registered = new Set(
  createApp()
    .routes.filter((route) => route.method !== "ALL")
    .map((route) => `${route.method} ${shape(route.path)}`),
);
const exists = (probe: Probe) => registered.has(`${probe.method} ${shape(`${BASE}${probe.route}`)}`);

let owner: Awaited<ReturnType<typeof signUpFromFreshIp>>;
let intruder: Awaited<ReturnType<typeof signUpFromFreshIp>>;
let ids: Ids;

/** Owner's project with one group, one clip and one completed single-variant generation. */
async function createFixture(userId: string): Promise<Fixture> {
  const db = getDb(env.DB);
  const { projectId, clipIds } = await createProjectWithClips(userId, ["clip bytes"]);
  const groupId = crypto.randomUUID();
  await db.insert(schema.videoMixerGroups).values({ id: groupId, projectId, name: "Hooks", position: 0 });

  const generationId = crypto.randomUUID();
  await db.insert(schema.videoMixerGenerations).values({
    id: generationId,
    projectId,
    userId,
    status: "completed",
    count: 1,
    pricePerVariant: 1,
    cost: 1,
    settings: DEFAULT_SETTINGS,
  });
  const objectKey = outputVideoKey(userId, generationId, 0);
  const thumbnailKey = outputThumbnailKey(userId, generationId, 0);
  await env.BUCKET.put(objectKey, "video bytes");
  await env.BUCKET.put(thumbnailKey, "jpeg bytes");
  await db.insert(schema.videoMixerOutputs).values({
    generationId,
    index: 0,
    status: "completed",
    progress: 1,
    plan: {},
    objectKey,
    thumbnailKey,
    sizeBytes: 11,
    durationSeconds: 1,
  });
  return { projectId, groupId, clipId: clipIds[0] as string, generationId };
}

async function snapshot(fixture: Fixture) {
  return {
    project: await countRows("video_mixer_projects", "id = ? AND name = 'Test project'", fixture.projectId),
    group: await countRows("video_mixer_groups", "id = ? AND name = 'Hooks'", fixture.groupId),
    clip: await countRows("video_mixer_clips", "id = ?", fixture.clipId),
    clips: await countRows("video_mixer_clips", "project_id = ?", fixture.projectId),
    groups: await countRows("video_mixer_groups", "project_id = ?", fixture.projectId),
    generations: await countRows("video_mixer_generations", "project_id = ?", fixture.projectId),
  };
}

beforeAll(async () => {
  owner = await signUpFromFreshIp();
  intruder = await signUpFromFreshIp();
  ids = await createFixture(owner.user.id);
});

describe("another user's Video Mixer resources", () => {
  it("exist for their owner", async () => {
    expect((await call(`${BASE}/projects/${ids.projectId}`, { cookie: owner.cookie })).status).toBe(200);
    expect((await call(`${BASE}/generations/${ids.generationId}`, { cookie: owner.cookie })).status).toBe(200);
  });

  for (const probe of PROBES) {
    const name = `${probe.method} ${probe.route} answers 404 and changes nothing`;
    if (!exists(probe)) {
      it.todo(name);
      continue;
    }

    it(name, async () => {
      const before = await snapshot(ids);
      const balanceBefore = (await call("/api/credits/balance", { cookie: intruder.cookie })).body.balance;

      const body = probe.body?.(ids);
      const response = await call(`${BASE}${probe.path(ids)}`, {
        method: probe.method,
        cookie: intruder.cookie,
        ...(body?.json !== undefined ? { json: body.json } : {}),
        ...(body?.form ? { body: body.form } : {}),
      });

      expect(response.status, response.text).toBe(404);
      expect(response.body.error.code).toBe("not_found");
      expect(await snapshot(ids)).toEqual(before);
      expect((await call("/api/credits/balance", { cookie: intruder.cookie })).body.balance).toBe(balanceBefore);
    });
  }

  it("answers 404 for traversal in ids", async () => {
    for (const id of ["..%2F..%2Fapi%2Fauth%2Fme", "..", `${ids.projectId}%2F..`]) {
      const response = await call(`${BASE}/projects/${id}`, { cookie: intruder.cookie });
      expect([400, 404], id).toContain(response.status);
    }
  });
});
