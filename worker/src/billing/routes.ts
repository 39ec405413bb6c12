import { createRouter } from "../openapi/router";
import { catalog, catalogRoute } from "./endpoints/catalog";
import { plan, planRoute } from "./endpoints/plan";

/** Catalogue and plan endpoints, mounted under `/api/billing`. */
export const billingRoutes = createRouter().openapi(catalogRoute, catalog).openapi(planRoute, plan);
