import { createRouter } from "../openapi/router";
import { listApps, listAppsRoute } from "./endpoints/list-apps";
import { listModels, listModelsRoute } from "./endpoints/list-models";

/** The dashboard and model catalog, mounted under `/api/apps`; each app mounts its own router beside it. */
export const appRoutes = createRouter().openapi(listAppsRoute, listApps).openapi(listModelsRoute, listModels);
