import { and, desc, eq, lt } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { requireUser } from "../auth/session";
import type { AppEnv } from "../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../core/pagination";
import { validate } from "../core/validate";
import { getDb, schema } from "../db/client";
import { creditAccount } from "./account";

export const creditRoutes = new Hono<AppEnv>()
  .use(requireUser())

  .get("/balance", async (c) => {
    const user = c.get("user");
    const balance = await creditAccount(c.env, user.id).getBalance(user.id);
    return c.json({ balance });
  })

  .get("/history", validate("query", pageQuerySchema), async (c) => {
    const user = c.get("user");
    const { cursor, limit } = c.req.valid("query");
    const before = cursor ? decodeCursor(cursor, z.tuple([z.number().int()]))[0] : undefined;

    const ledger = schema.creditLedger;
    const rows = await getDb(c.env.DB)
      .select()
      .from(ledger)
      .where(and(eq(ledger.userId, user.id), before === undefined ? undefined : lt(ledger.seq, before)))
      .orderBy(desc(ledger.seq))
      .limit(limit + 1);

    return c.json(
      toPage(
        rows,
        limit,
        (row) => ({
          seq: row.seq,
          amount: row.amount,
          balanceAfter: row.balanceAfter,
          kind: row.kind,
          reference: row.reference,
          description: row.description,
          createdAt: row.createdAt.toISOString(),
        }),
        (row) => [row.seq],
      ),
    );
  });
