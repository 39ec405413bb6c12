import "./core/zod-messages";
import { adminRoutes } from "./admin/routes";
import { appRoutes } from "./apps/routes";
import { videoMixerRoutes } from "./apps/video-mixer/routes";
import { authRoutes } from "./auth/routes";
import { billingRoutes } from "./billing/routes";
import { AppError } from "./core/errors";
import { smallBodyLimit } from "./core/middleware/body-limit";
import { corsForWebOrigins } from "./core/middleware/cors";
import { csrfProtection } from "./core/middleware/csrf";
import { requestContext } from "./core/middleware/request-context";
import { securityHeaders } from "./core/middleware/security-headers";
import { onError } from "./core/on-error";
import { creditRoutes } from "./credits/routes";
import { healthRoutes } from "./health/routes";
import { DOCS_CSP, DOCS_PATH, mountApiDocs } from "./openapi/docs";
import { createRouter } from "./openapi/router";
import { paymentRoutes } from "./payments/routes";

export function createApp() {
  // An OpenAPIHono app, so that every router mounted below that defines `createRoute`
  // endpoints appears in /api/openapi.json.
  const app = createRouter();

  // Order matters: headers wrap everything (including the 503 for a broken config), the request
  // context loads the config the others read, and CORS responds to preflights before CSRF runs.
  app.use(securityHeaders({ [DOCS_PATH]: DOCS_CSP }));
  app.use(requestContext());
  app.use("/api/*", corsForWebOrigins());
  app.use(csrfProtection());
  app.use(smallBodyLimit());

  app.route("/health", healthRoutes);
  app.route("/api/auth", authRoutes);
  app.route("/api/credits", creditRoutes);
  app.route("/api/apps", appRoutes);
  app.route("/api/apps/video-mixer", videoMixerRoutes);
  app.route("/api/billing", billingRoutes);
  app.route("/api/payments", paymentRoutes);
  app.route("/api/admin", adminRoutes);

  mountApiDocs(app);

  app.notFound((c) => onError(new AppError("not_found", "Route not found"), c));
  app.onError(onError);
  return app;
}
