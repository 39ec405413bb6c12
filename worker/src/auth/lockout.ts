import { eq, sql } from "drizzle-orm";
import { AppError } from "../core/errors";
import { type Database, schema } from "../db/client";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_SECONDS = 15 * 60;

/** Builds the 429 a locked account gets, with the moment it unlocks in `details.retryAt` and `Retry-After`. */
export function accountLocked(lockedUntil: Date, now = Date.now()): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 1000));
  return new AppError(
    "account_locked",
    "Too many failed logins; this account is locked until the time in details.retryAt",
    { retryAt: lockedUntil.toISOString() },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export function isLocked(lockedUntil: Date | null, now = Date.now()): lockedUntil is Date {
  return lockedUntil !== null && lockedUntil.getTime() > now;
}

/**
 * Counts one failed login in a single statement, so parallel attempts cannot lose a count. A lock
 * that has run out starts the count again; the fifth failure locks the account for 15 minutes.
 * Returns the lock end when this failure locked the account.
 */
export async function recordFailedLogin(db: Database, userId: string, now = Date.now()): Promise<Date | null> {
  const users = schema.users;
  const lockExpired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${now})`;
  const nextCount = sql`CASE WHEN ${lockExpired} THEN 1 ELSE ${users.failedLoginCount} + 1 END`;

  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: nextCount,
      lockedUntil: sql`CASE
        WHEN ${nextCount} >= ${MAX_FAILED_LOGINS} THEN ${now + LOCKOUT_SECONDS * 1000}
        WHEN ${lockExpired} THEN NULL
        ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return row && isLocked(row.lockedUntil, now) ? row.lockedUntil : null;
}

/** Clears the failure count after a successful login; skips the write when there is nothing to clear. */
export async function clearFailedLogins(db: Database, userId: string, failedLoginCount: number): Promise<void> {
  if (failedLoginCount === 0) return;
  await db.update(schema.users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(schema.users.id, userId));
}
