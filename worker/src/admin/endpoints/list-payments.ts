import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { decodeCursor, toPage } from "../../core/pagination";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { toOrderView } from "../../payments/serialize";
import { adminPaymentSchema, paymentSearchSchema } from "../schemas";
import { likeText } from "../search";

const orders = schema.paymentOrders;
const users = schema.users;

export const listAdminPaymentsRoute = createRoute({
  method: "get",
  path: "/payments",
  tags: ["Admin"],
  summary: "All orders, newest first, by status and search text",
  security: COOKIE_AUTH,
  request: { query: paymentSearchSchema },
  responses: {
    200: jsonContent(pageSchema(adminPaymentSchema, "AdminPaymentPage"), "One page of orders"),
    ...errorResponses(400, 401, 403),
  },
});

export const listAdminPayments: RouteHandler<typeof listAdminPaymentsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status, q } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, z.tuple([z.number().int(), z.string()])) : undefined;

  const filters: (SQL | undefined)[] = [status ? eq(orders.status, status) : undefined];
  if (q) {
    filters.push(
      or(
        likeText(orders.merchantOrderId, q, "prefix"),
        likeText(orders.reference, q, "prefix"),
        likeText(users.email, q, "contains"),
      ),
    );
  }
  if (after) {
    filters.push(
      or(
        lt(orders.createdAt, new Date(after[0])),
        and(eq(orders.createdAt, new Date(after[0])), lt(orders.merchantOrderId, after[1])),
      ),
    );
  }

  const rows = await getDb(c.env.DB)
    .select({ order: orders, user: { id: users.id, email: users.email, name: users.name } })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(and(...filters))
    .orderBy(desc(orders.createdAt), desc(orders.merchantOrderId))
    .limit(limit + 1);

  const page = toPage(
    rows,
    limit,
    (row) => ({
      ...toOrderView(row.order),
      settledBy: row.order.settledBy,
      resultCode: row.order.resultCode,
      user: row.user,
    }),
    (row) => [row.order.createdAt.getTime(), row.order.merchantOrderId],
  );
  return c.json(page, 200);
};
