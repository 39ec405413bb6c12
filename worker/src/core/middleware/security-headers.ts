import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../context";

type ContentSecurityPolicy = NonNullable<
  Exclude<Parameters<typeof secureHeaders>[0], undefined>["contentSecurityPolicy"]
>;

/** API responses are data, never documents: nothing may load, run or frame them. */
const API_CSP: ContentSecurityPolicy = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

function headersFor(contentSecurityPolicy: ContentSecurityPolicy) {
  return secureHeaders({
    contentSecurityPolicy,
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    xContentTypeOptions: "nosniff",
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    // The web app on a sibling subdomain plays clips and outputs from the API, so same-site.
    crossOriginResourcePolicy: "same-site",
    crossOriginOpenerPolicy: "same-origin",
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      fullscreen: [],
      browsingTopics: [],
    },
  });
}

/**
 * Security headers on every response: a deny-all CSP, HSTS, nosniff, Referrer-Policy and
 * Permissions-Policy. `pages` gives the few HTML routes (the API docs) a CSP of their own, and
 * responses that set no Cache-Control get `no-store`, because most carry one user's data.
 */
export function securityHeaders(pages: Record<string, ContentSecurityPolicy> = {}) {
  const api = headersFor(API_CSP);
  const pageHeaders = new Map(Object.entries(pages).map(([path, csp]) => [path, headersFor(csp)]));

  return createMiddleware<AppEnv>(async (c, next) => {
    const apply = pageHeaders.get(c.req.path) ?? api;
    await apply(c, next);
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  });
}

export type { ContentSecurityPolicy };
