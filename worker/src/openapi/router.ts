import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../core/context";

/**
 * Creates a router whose `createRoute` validators throw the ZodError, so a bad param, query or body takes
 * the single `onError` path (400 with `details.fields`) instead of the library's own response.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
}
