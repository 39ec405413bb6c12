import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import { AppError } from "./errors";

// Rethrowing keeps every validation failure on the single `onError` path.
function rethrow(result: { success: boolean; error?: unknown }) {
  if (!result.success) throw result.error;
}

/** Validates params, query or headers with a zod schema; failures become 400 with field details. */
export function validate<Target extends Exclude<keyof ValidationTargets, "json">, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, rethrow);
}

/**
 * Validates a JSON body. A body sent without `Content-Type: application/json` is rejected with
 * 415 instead of being read as `{}`, which would let a schema of optional fields pass.
 */
export function jsonBody<Schema extends z.ZodType>(schema: Schema) {
  const inner = zValidator("json", schema, rethrow);
  const guard = createMiddleware(async (c, next) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json(\s*;|$)/i.test(type)) {
      throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
    }
    return inner(c, next);
  });
  return guard as unknown as typeof inner;
}
