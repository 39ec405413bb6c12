import { createMiddleware } from "hono/factory";
import { authenticate } from "../auth/session";
import type { AppEnv } from "../core/context";
import { AppError } from "../core/errors";
import { getDb } from "../db/client";
import { summarizeAppModels } from "../models/catalog";
import { findApp } from "./registry";

/**
 * Guards an app's routes on the server: the user must be signed in, the app must not be
 * `coming-soon`, and when the app needs a model the user's tier must include at least one
 * enabled model of it. Authenticates the request itself when `requireUser()` has not run.
 *
 * ```ts
 * export const videoMixerRoutes = new Hono<AppEnv>().use(requireAppAccess("video-mixer"))...
 * ```
 */
export function requireAppAccess(appId: string) {
  const app = findApp(appId);
  if (!app) throw new Error(`requireAppAccess: no app "${appId}" in the registry`);

  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get("user") ?? (await authenticate(c));
    c.set("user", user);

    if (app.status === "coming-soon") throw new AppError("forbidden", `${app.name} is not available yet`);

    if (app.requiresModel) {
      const models = await summarizeAppModels(getDb(c.env.DB), app.id, user.tier);
      if (models.usable === 0) {
        throw new AppError(
          "forbidden",
          models.lowestTier
            ? `${app.name} needs the ${models.lowestTier} plan or higher`
            : `${app.name} is unavailable right now`,
          { appId: app.id, requiredTier: models.lowestTier },
        );
      }
    }
    await next();
  });
}
