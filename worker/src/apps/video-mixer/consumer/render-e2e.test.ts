import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { callWithEnv } from "../../../../test/http";
import { createProjectWithClips, deliver, fetchBytes, recordingQueue, signUpUser } from "../../../../test/video-mixer";
import { videoFixture } from "../../../../test/video-mixer-clips";
import { creditAccount } from "../../../credits/account";
import { pricePerVariant } from "../pricing";
import { DEFAULT_SETTINGS, type MixSettings } from "../settings";

// Small frames keep ffmpeg quick on a shared test machine; the pipeline is the same at any size.
const SETTINGS: MixSettings = { ...DEFAULT_SETTINGS, resolution: "480p", bitrate: "low" };

describe("video mixer with the real renderer", () => {
  it("renders two variants from three clips end to end", { timeout: 60_000 }, async () => {
    const { cookie, user } = await signUpUser();
    const clip = videoFixture("mp4");
    const { projectId } = await createProjectWithClips(user.id, [clip, clip, clip], { durationSeconds: 1 });
    const recorder = recordingQueue();
    const overrides = { RENDERER_URL: inject("rendererUrl"), RENDER_QUEUE: recorder.queue };

    const created = await callWithEnv(overrides, `/api/apps/video-mixer/projects/${projectId}/generations`, {
      method: "POST",
      cookie,
      json: { settings: SETTINGS, count: 2 },
    });
    expect(created.status).toBe(202);
    const generationId = created.body.id as string;

    const prepared = await deliver("render-jobs", [{ body: recorder.sent[0]! }], overrides);
    expect(prepared.explicitAcks).toHaveLength(1);
    const variants = recorder.sent.filter((message) => message.type === "video-mixer.variant");
    expect(variants).toHaveLength(2);
    const rendered = await deliver(
      "render-jobs",
      variants.map((body) => ({ body })),
      overrides,
    );
    expect(rendered.explicitAcks).toHaveLength(2);

    const generation = await callWithEnv(overrides, `/api/apps/video-mixer/generations/${generationId}`, { cookie });
    expect(generation.body.status).toBe("completed");
    for (const [index, output] of generation.body.outputs.entries()) {
      expect(output.status).toBe("completed");
      // Three 1 s clips joined without trims or speed changes.
      expect(output.durationSeconds).toBeGreaterThan(2.8);
      expect(output.durationSeconds).toBeLessThan(3.3);

      const video = await fetchBytes(`/api/apps/video-mixer/generations/${generationId}/outputs/${index}`, cookie);
      expect(video.status).toBe(200);
      expect(video.bytes.length).toBe(output.sizeBytes);
      expect(new TextDecoder().decode(video.bytes.slice(4, 8))).toBe("ftyp");

      const thumbnail = await fetchBytes(
        `/api/apps/video-mixer/generations/${generationId}/outputs/${index}/thumbnail`,
        cookie,
      );
      expect(thumbnail.status).toBe(200);
      expect([...thumbnail.bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }

    const zip = await fetchBytes(`/api/apps/video-mixer/generations/${generationId}/zip`, cookie);
    expect(new TextDecoder().decode(zip.bytes.slice(0, 2))).toBe("PK");
    expect(await creditAccount(env, user.id).getBalance(user.id)).toBe(100 - 2 * pricePerVariant(SETTINGS));
  });
});
