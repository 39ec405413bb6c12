import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { requireUser } from "../../auth/session";
import type { AppEnv } from "../../core/context";
import { notFound } from "../../core/errors";
import { COOKIE_AUTH, errorResponses, jsonContent } from "../../openapi/schemas";
import { loadDuitkuConfig } from "../config";
import { findOrder } from "../orders";
import { orderParamsSchema, orderSchema } from "../schemas";
import { toOrderView } from "../serialize";
import { checkOrderWithDuitku } from "../status-check";

export const getPaymentRoute = createRoute({
  method: "get",
  path: "/{merchantOrderId}",
  tags: ["Payments"],
  summary: "One order's status",
  description:
    "Only the owner sees an order; anyone else gets 404. While the order is pending, Duitku's transactionStatus is asked too, at most once per 10 s per order, so a late callback does not keep the return page waiting.",
  security: COOKIE_AUTH,
  middleware: [requireUser()] as const,
  request: { params: orderParamsSchema },
  responses: { 200: jsonContent(orderSchema, "The order"), ...errorResponses(400, 401, 404) },
});

export const getPayment: RouteHandler<typeof getPaymentRoute, AppEnv> = async (c) => {
  const { merchantOrderId } = c.req.valid("param");
  let order = await findOrder(c.env, merchantOrderId);
  if (!order || order.userId !== c.get("user").id) throw notFound("Payment");

  // Without Duitku settings the stored status is still worth showing.
  const duitku = loadDuitkuConfig(c.env);
  if (order.status === "pending" && duitku.ok) order = await checkOrderWithDuitku(c.env, duitku.config, order);

  return c.json(toOrderView(order), 200);
};
