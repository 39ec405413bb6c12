import type { MixSettings, Resolution } from "./settings";

const RESOLUTION_PRICE: Record<Resolution, number> = { "480p": 0, "720p": 2, "1080p": 5, "4k": 10 };

/**
 * Credits per variant. The estimate and the charge both call this, so a user is always charged
 * what the estimate showed.
 */
export function pricePerVariant(settings: MixSettings): number {
  let price = 1;
  if (settings.orderMixing) price += 1;
  if (settings.groupMixing === "random") price += 2;
  if (settings.speed) price += 1;
  price += RESOLUTION_PRICE[settings.resolution];
  if (settings.bitrate === "high") price += 2;
  if (settings.fps === 60) price += 3;
  if (settings.duration.mode === "fixed" && settings.duration.fit !== "speed") price += 1;
  return price;
}

export function totalPrice(settings: MixSettings, count: number): number {
  return pricePerVariant(settings) * count;
}
