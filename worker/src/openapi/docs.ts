import { swaggerUI } from "@hono/swagger-ui";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/context";
import type { ContentSecurityPolicy } from "../core/middleware/security-headers";

export const OPENAPI_PATH = "/api/openapi.json";
export const DOCS_PATH = "/api/docs";
const DOCS_SCRIPT_PATH = "/api/docs/init.js";

// Swagger UI comes from jsDelivr at a pinned version. The integrity hashes are those of the
// swagger-ui-dist 5.35.0 files in the npm tarball, which jsDelivr serves unchanged.
const SWAGGER_UI_VERSION = "5.35.0";
const CDN = "https://cdn.jsdelivr.net";
const INTEGRITY = {
  js: "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9",
  css: "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I",
};

/**
 * The docs page's own CSP: scripts and styles only from this origin and the CDN (no inline
 * script, because the start-up code is served as a file), requests only to this origin.
 * Swagger UI sets inline style attributes, hence `'unsafe-inline'` for styles only.
 */
export const DOCS_CSP: ContentSecurityPolicy = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'", CDN],
  styleSrc: [CDN, "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", CDN],
  fontSrc: [CDN],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: ${JSON.stringify(OPENAPI_PATH)}, dom_id: "#swagger-ui", withCredentials: true });
});
`;

/** Serves the OpenAPI 3.1 document generated from the route schemas, and Swagger UI for it. */
export function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-lumiku_access",
    description: "Set by register, login and refresh; named `lumiku_access` in plain-http development.",
  });

  app.doc31(OPENAPI_PATH, (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Lumiku API",
      version: "1.0.0",
      description: "Errors use one envelope: `{ error: { code, message, requestId, details? } }`.",
    },
    servers: [{ url: c.get("config").publicBaseUrl }],
  }));

  app.get(
    DOCS_PATH,
    swaggerUI({
      url: OPENAPI_PATH,
      title: "Lumiku API",
      version: SWAGGER_UI_VERSION,
      manuallySwaggerUIHtml: (asset) => `
        <div id="swagger-ui"></div>
        ${asset.css.map((href) => `<link rel="stylesheet" href="${href}" integrity="${INTEGRITY.css}" crossorigin="anonymous" />`).join("")}
        ${asset.js.map((src) => `<script src="${src}" integrity="${INTEGRITY.js}" crossorigin="anonymous"></script>`).join("")}
        <script src="${DOCS_SCRIPT_PATH}"></script>
      `,
    }),
  );

  app.get(DOCS_SCRIPT_PATH, (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=300");
    return c.body(INIT_SCRIPT);
  });
}
