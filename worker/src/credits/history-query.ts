import { and, desc, eq, lt, ne } from "drizzle-orm";
import { type Database, schema } from "../db/client";

const ledger = schema.creditLedger;

/**
 * Selects the user's ledger entries, newest first, before sequence number `before`. The (user_id, seq)
 * primary key serves it. Without `includeZero`, entries that moved no credits (job captures,
 * which confirm credits already taken at reserve time) are left out.
 */
export function creditHistoryQuery(
  db: Database,
  userId: string,
  before: number | undefined,
  limit: number,
  includeZero = false,
) {
  return db
    .select()
    .from(ledger)
    .where(
      and(
        eq(ledger.userId, userId),
        before === undefined ? undefined : lt(ledger.seq, before),
        includeZero ? undefined : ne(ledger.amount, 0),
      ),
    )
    .orderBy(desc(ledger.seq))
    .limit(limit);
}
