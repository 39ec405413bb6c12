/** Subscription tiers, lowest first; each tier includes everything the tiers before it can use. */
export const TIERS = ["free", "basic", "pro", "enterprise"] as const;

export type Tier = (typeof TIERS)[number];

/** Returns the tiers whose models a user on `tier` may use: free ⊂ basic ⊂ pro ⊂ enterprise. */
export function tiersIncludedIn(tier: Tier): Tier[] {
  return TIERS.slice(0, TIERS.indexOf(tier) + 1);
}

/** Returns the position of `tier` in TIERS, so tiers compare with `<` and `>`. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** Returns the tier in force: a paid tier whose expiry has passed counts as free until a payment renews it. */
export function effectiveTier(tier: Tier, expiresAt: Date | null, now = new Date()): Tier {
  if (tier !== "free" && expiresAt && expiresAt.getTime() <= now.getTime()) return "free";
  return tier;
}
