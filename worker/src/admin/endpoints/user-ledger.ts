import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { notFound } from "../../core/errors";
import { decodeCursor, pageQuerySchema, toPage } from "../../core/pagination";
import { creditHistoryQuery } from "../../credits/history-query";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { ledgerEntrySchema, userParamsSchema } from "../schemas";
import { toLedgerEntryView } from "../views";

export const userLedgerRoute = createRoute({
  method: "get",
  path: "/users/{userId}/ledger",
  tags: ["Admin"],
  summary: "A user's credit ledger, newest first",
  security: COOKIE_AUTH,
  request: { params: userParamsSchema, query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(ledgerEntrySchema, "AdminLedgerPage"), "One page of ledger entries"),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const userLedger: RouteHandler<typeof userLedgerRoute, AppEnv> = async (c) => {
  const { userId } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  const before = cursor ? decodeCursor(cursor, z.tuple([z.number().int()]))[0] : undefined;
  const db = getDb(c.env.DB);

  const [user] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .limit(1);
  if (!user) throw notFound("User");

  const rows = await creditHistoryQuery(db, userId, before, limit + 1);
  return c.json(
    toPage(rows, limit, toLedgerEntryView, (row) => [row.seq]),
    200,
  );
};
