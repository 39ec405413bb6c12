import type { Tier } from "../models/tiers";

/**
 * The catalogue of credit packages and plans, priced in whole rupiah. Orders copy the price, credits and plan from here when they
 * are created; a request can only name an item by id.
 */

export type PaidTier = Exclude<Tier, "free">;

export interface CreditPackage {
  kind: "credits";
  id: string;
  name: string;
  /** Rupiah. */
  price: number;
  credits: number;
}

export interface Plan {
  kind: "plan";
  id: string;
  name: string;
  /** Rupiah per period. */
  price: number;
  tier: PaidTier;
  days: number;
}

export type CatalogItem = CreditPackage | Plan;

export const PLAN_DAYS = 30;

export const CREDIT_PACKAGES: readonly CreditPackage[] = [
  { kind: "credits", id: "pebisnis", name: "Paket PEBISNIS", price: 99_000, credits: 1_800 },
  { kind: "credits", id: "juragan", name: "Paket JURAGAN", price: 249_000, credits: 4_800 },
  { kind: "credits", id: "topup-1500", name: "Tambah 1500", price: 100_000, credits: 1_500 },
  { kind: "credits", id: "topup-4000", name: "Tambah 4000", price: 250_000, credits: 4_000 },
  { kind: "credits", id: "topup-9000", name: "Tambah 9000", price: 500_000, credits: 9_000 },
];

export const PLANS: readonly Plan[] = [
  { kind: "plan", id: "plan-basic", name: "Basic", price: 99_000, tier: "basic", days: PLAN_DAYS },
  { kind: "plan", id: "plan-pro", name: "Pro", price: 299_000, tier: "pro", days: PLAN_DAYS },
  { kind: "plan", id: "plan-enterprise", name: "Enterprise", price: 999_000, tier: "enterprise", days: PLAN_DAYS },
];

export function findCatalogItem(itemId: string): CatalogItem | undefined {
  return CREDIT_PACKAGES.find((item) => item.id === itemId) ?? PLANS.find((item) => item.id === itemId);
}

export function planForTier(tier: PaidTier): Plan {
  const plan = PLANS.find((item) => item.tier === tier);
  if (!plan) throw new Error(`no plan sells tier ${tier}`);
  return plan;
}
