import { and, lte, ne } from "drizzle-orm";
import type { Env } from "../core/env";
import { getDb, schema } from "../db/client";

/**
 * Moves every user whose paid period has ended back to free. A paid tier without an end date
 * (granted by an operator) is left alone. Safe to run any number of times: a second run finds
 * nothing to change.
 */
export async function expireEndedPlans(env: Env, now: Date = new Date()): Promise<number> {
  const users = schema.users;
  const expired = await getDb(env.DB)
    .update(users)
    .set({ tier: "free", tierExpiresAt: null, updatedAt: now })
    .where(and(ne(users.tier, "free"), lte(users.tierExpiresAt, now)))
    .returning({ id: users.id });
  return expired.length;
}
