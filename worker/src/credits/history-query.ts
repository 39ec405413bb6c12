import { and, desc, eq, lt } from "drizzle-orm";
import { type Database, schema } from "../db/client";

const ledger = schema.creditLedger;

/** Selects the user's ledger entries, newest first, before sequence number `before`. The (user_id, seq) primary key serves it. */
export function creditHistoryQuery(db: Database, userId: string, before: number | undefined, limit: number) {
  return db
    .select()
    .from(ledger)
    .where(and(eq(ledger.userId, userId), before === undefined ? undefined : lt(ledger.seq, before)))
    .orderBy(desc(ledger.seq))
    .limit(limit);
}
