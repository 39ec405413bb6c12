import { effectiveTier, type Tier, tierRank } from "../models/tiers";
import { type PaidTier, planForTier } from "./catalog";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanState {
  tier: Tier;
  expiresAt: Date | null;
}

/**
 * Computes a user's plan after paying for `purchased` at `now`. One rule covers every case. The
 * user ends on the higher of the current and the purchased tier. Both the unused time of the
 * current plan and the purchased period are converted into time on that tier at the ratio of the
 * two plans' prices.
 *
 * - Same tier again: the period is extended by the full purchased days.
 * - A higher tier: it applies at once; the days left on the lower plan are kept pro rata, e.g.
 *   20 days of Basic (Rp 99.000) left become 20 × 99/299 ≈ 6.6 extra days of Pro.
 * - A lower tier while a higher one runs (two orders paid out of order): the higher tier stays and
 *   the purchased days are added pro rata, so no payment is lost.
 */
export function nextPlanState(current: PlanState, purchased: { tier: PaidTier; days: number }, now: Date): PlanState {
  const nowMs = now.getTime();
  const currentTier = effectiveTier(current.tier, current.expiresAt, now);

  if (currentTier !== "free" && current.expiresAt === null) {
    // A tier without an end date was granted by an operator. Order creation refuses plans at or
    // below it, so this only happens when the grant raced a payment.
    if (tierRank(currentTier) >= tierRank(purchased.tier)) return { tier: currentTier, expiresAt: null };
    // NOTE: after this period the user falls back to free, not to the operator-granted tier.
    return { tier: purchased.tier, expiresAt: new Date(nowMs + purchased.days * DAY_MS) };
  }

  const tier: PaidTier = tierRank(currentTier) > tierRank(purchased.tier) ? (currentTier as PaidTier) : purchased.tier;
  const targetPrice = planForTier(tier).price;

  const purchasedMs = purchased.days * DAY_MS * (planForTier(purchased.tier).price / targetPrice);
  const remainingMs =
    currentTier !== "free" && current.expiresAt
      ? (current.expiresAt.getTime() - nowMs) * (planForTier(currentTier as PaidTier).price / targetPrice)
      : 0;

  return { tier, expiresAt: new Date(nowMs + Math.floor(remainingMs + purchasedMs)) };
}
