import { Hono } from "hono";
import { appRoutes } from "./apps/routes";
import { authRoutes } from "./auth/routes";
import type { AppEnv } from "./core/context";
import { AppError } from "./core/errors";
import { requestContext } from "./core/middleware/request-context";
import { onError } from "./core/on-error";
import { creditRoutes } from "./credits/routes";

export function createApp() {
  const app = new Hono<AppEnv>();

  app.use(requestContext());

  app.get("/health", (c) => c.json({ status: "ok" }));
  app.route("/api/auth", authRoutes);
  app.route("/api/credits", creditRoutes);
  app.route("/api/apps", appRoutes);

  app.notFound((c) => onError(new AppError("not_found", "Route not found"), c));
  app.onError(onError);
  return app;
}
