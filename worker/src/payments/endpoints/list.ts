import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../core/pagination";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { orderSchema } from "../schemas";
import { toOrderView } from "../serialize";

const orders = schema.paymentOrders;

export const listPaymentsRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Payments"],
  summary: "The signed-in user's orders, newest first",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(orderSchema, "PaymentOrderPage"), "One page of orders"),
    ...errorResponses(400, 401),
  },
});

export const listPayments: RouteHandler<typeof listPaymentsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, z.tuple([z.number().int(), z.string()])) : undefined;

  const rows = await getDb(c.env.DB)
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.userId, c.get("user").id),
        after
          ? or(
              lt(orders.createdAt, new Date(after[0])),
              and(eq(orders.createdAt, new Date(after[0])), lt(orders.merchantOrderId, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.merchantOrderId))
    .limit(limit + 1);

  return c.json(
    toPage(rows, limit, toOrderView, (row) => [row.createdAt.getTime(), row.merchantOrderId]),
    200,
  );
};
