import { sweepStuckGenerations } from "./apps/video-mixer/generations/sweep";
import { expireEndedPlans } from "./billing/expire-plans";
import type { Env } from "./core/env";
import { logger } from "./core/logger";
import { reconcilePendingOrders } from "./payments/reconcile";

/**
 * Runs the Cron Trigger jobs (every 5 minutes, see wrangler.toml): reconciles pending payments with Duitku
 * and moves users whose plan ended back to free, and repairs Video Mixer generations that a crash
 * left stuck. Each job is idempotent and runs even when another fails. A failure is logged, and the next run tries again.
 */
export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const now = new Date(controller.scheduledTime);
  const results = await Promise.allSettled([
    reconcilePendingOrders(env, { now }),
    expireEndedPlans(env, now),
    sweepStuckGenerations(env, now),
  ]);

  const [reconcile, expire, sweep] = results;
  if (reconcile.status === "rejected")
    logger.error("payment reconciliation failed", { cron: controller.cron, error: reconcile.reason });
  if (expire.status === "rejected") logger.error("plan expiry failed", { cron: controller.cron, error: expire.reason });
  if (expire.status === "fulfilled" && expire.value > 0) logger.info("plans expired", { users: expire.value });
  if (sweep.status === "rejected")
    logger.error("video-mixer stuck-work sweep failed", { cron: controller.cron, error: sweep.reason });
}
