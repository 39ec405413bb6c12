import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../core/pagination";
import { getDb } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { creditHistoryQuery } from "../history-query";

const ledgerEntrySchema = z
  .object({
    seq: z.number().int(),
    amount: z.number().int().openapi({ description: "Positive for grants, negative for charges" }),
    balanceAfter: z.number().int(),
    kind: z.string(),
    reference: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("CreditLedgerEntry");

export const historyRoute = createRoute({
  method: "get",
  path: "/history",
  tags: ["Credits"],
  summary: "The user's credit ledger, newest first",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: {
    query: pageQuerySchema.extend({
      include: z.enum(["changes", "all"]).default("changes").openapi({
        description:
          "`changes` (default) lists only entries that moved credits; `all` adds the zero-amount capture entries",
      }),
    }),
  },
  responses: {
    200: jsonContent(pageSchema(ledgerEntrySchema, "CreditLedgerPage"), "One page of ledger entries"),
    ...errorResponses(400, 401),
  },
});

export const history: RouteHandler<typeof historyRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { cursor, limit, include } = c.req.valid("query");
  const before = cursor ? decodeCursor(cursor, z.tuple([z.number().int()]))[0] : undefined;

  const rows = await creditHistoryQuery(getDb(c.env.DB), user.id, before, limit + 1, include === "all");
  const page = toPage(
    rows,
    limit,
    (row) => ({
      seq: row.seq,
      amount: row.amount,
      balanceAfter: row.balanceAfter,
      kind: row.kind,
      // An adjustment's reference and description are the admin's id and internal reason.
      reference: row.kind === "adjustment" ? null : row.reference,
      description: row.kind === "adjustment" ? null : row.description,
      createdAt: row.createdAt.toISOString(),
    }),
    (row) => [row.seq],
  );
  return c.json(page, 200);
};
