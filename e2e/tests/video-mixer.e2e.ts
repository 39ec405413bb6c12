import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, makeClip, probe, WEB_URL, workDir } from "./helpers";

// Mixed inputs: sizes and aspect ratios, 25 and 30 fps, one clip without audio.
const CLIPS = [
  { name: "pembuka.mp4", size: "1280x720", rate: 30, seconds: 2, audio: true },
  { name: "produk.mp4", size: "720x1280", rate: 25, seconds: 3, audio: true },
  { name: "penutup.mp4", size: "640x480", rate: 30, seconds: 2, audio: false },
];
const TOTAL_SECONDS = CLIPS.reduce((sum, clip) => sum + clip.seconds, 0);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
});

describe("video mixer in the browser", () => {
  it("signs up, uploads, generates and downloads", async () => {
    const files = CLIPS.map(makeClip);
    const email = `e2e-${Date.now()}@example.com`;

    await page.goto(`${WEB_URL}/signup`);
    await page.getByLabel("Nama").fill("Penjual Uji");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill("kopi susu gula aren 2026!");
    await page.getByRole("button", { name: "Daftar", exact: true }).click();
    await page.getByText("Halo, Penjual Uji").waitFor();

    await page.goto(`${WEB_URL}/apps/video-mixer`);
    await page.getByRole("button", { name: "Proyek baru" }).first().click();
    await page.getByLabel("Nama proyek").fill("Kampanye Ramadan");
    await page.getByRole("button", { name: "Buat proyek" }).click();
    await page.waitForURL(/\/apps\/video-mixer\/[^/]+$/);

    await page.locator('input[type="file"]').setInputFiles(files);
    try {
      await page.getByText("3 klip di proyek ini", { exact: false }).waitFor({ timeout: 60_000 });
    } catch (error) {
      // Say which upload failed and why, as the page shows it, instead of only "timed out".
      await page.screenshot({ path: path.join(workDir, "uploads.png"), fullPage: true });
      const state = await page.locator("main").textContent();
      throw new Error(`uploads did not finish; page shows:\n${state}\n(screenshot in ${workDir})`, { cause: error });
    }

    await page.getByLabel("Jumlah varian").fill("2");
    const generate = page.getByRole("button", { name: "Buat 2 video" });
    await expect.poll(() => generate.isEnabled(), { timeout: 15_000 }).toBe(true);
    await generate.click();

    const first = page.getByRole("link", { name: "Unduh varian 1" });
    const second = page.getByRole("link", { name: "Unduh varian 2" });
    await first.waitFor({ timeout: 150_000 });
    await second.waitFor({ timeout: 60_000 });

    // Download through the browser, with its session cookie, as a user would.
    for (const [index, link] of [first, second].entries()) {
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const file = path.join(workDir, `variant-${index + 1}.mp4`);
      await download.saveAs(file);

      const result = probe(file);
      expect(result.width).toBe(720);
      expect(result.height).toBe(1280);
      expect(result.fps).toBeCloseTo(30, 1);
      expect(Math.abs(result.durationSeconds - TOTAL_SECONDS)).toBeLessThanOrEqual(0.1);
      expect(result.hasAudio).toBe(true);
    }

    const [zipDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh semua (ZIP)" }).click(),
    ]);
    const zipFile = path.join(workDir, "variants.zip");
    await zipDownload.saveAs(zipFile);
    const listing = execFileSync("python3", ["-m", "zipfile", "-l", zipFile]).toString();
    expect(listing.match(/\.mp4/g)?.length).toBe(2);

    writeFileSync(path.join(workDir, "done"), "ok");
  });
});
