import { createRouter } from "../openapi/router";
import { callbackRoute, duitkuCallback } from "./endpoints/callback";
import { createPayment, createPaymentRoute } from "./endpoints/create";
import { getPayment, getPaymentRoute } from "./endpoints/get";
import { listPayments, listPaymentsRoute } from "./endpoints/list";

/** Payment endpoints, mounted under `/api/payments`. The callback has no session; the others need one. */
export const paymentRoutes = createRouter()
  .openapi(callbackRoute, duitkuCallback)
  .openapi(createPaymentRoute, createPayment)
  .openapi(listPaymentsRoute, listPayments)
  .openapi(getPaymentRoute, getPayment);
