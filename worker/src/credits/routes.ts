import { createRouter } from "../openapi/router";
import { balance, balanceRoute } from "./endpoints/balance";
import { history, historyRoute } from "./endpoints/history";

/** Credit endpoints, mounted under `/api/credits`. */
export const creditRoutes = createRouter().openapi(balanceRoute, balance).openapi(historyRoute, history);
