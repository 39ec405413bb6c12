import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, WEB_URL } from "./helpers";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function balance(): Promise<number> {
  const response = await page.request.get(`${WEB_URL}/api/credits/balance`);
  return ((await response.json()) as { balance: number }).balance;
}

describe("buying credits in the browser", () => {
  it("pays for a package in the Duitku simulator and sees the new balance", async () => {
    await page.goto(`${WEB_URL}/signup`);
    await page.getByLabel("Nama").fill("Pembeli Uji");
    await page.getByLabel("Email").fill(`e2e-pay-${Date.now()}@example.com`);
    await page.getByLabel("Kata sandi", { exact: true }).fill("kopi susu gula aren 2026!");
    await page.getByRole("button", { name: "Daftar", exact: true }).click();
    await page.getByText("Halo, Pembeli Uji").waitFor();
    expect(await balance()).toBe(100);

    await page.getByRole("link", { name: "Kredit", exact: true }).first().click();
    await page.getByRole("button", { name: "Beli Paket PEBISNIS" }).click();

    // The simulator replaces Duitku's payment page; the real Duitku client created the invoice.
    await page.waitForURL(/127\.0\.0\.1:8790/);
    await page.getByRole("button", { name: "Bayar sekarang" }).click();

    await page.waitForURL(/\/payments\/return/);
    await page.getByText("Pembayaran berhasil").waitFor({ timeout: 30_000 });
    expect(await balance()).toBe(1900);
  });
});
