import { z } from "@hono/zod-openapi";

/** The one error envelope every failure uses. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("ErrorEnvelope");

const ERROR_DESCRIPTIONS = {
  400: "The request is invalid; `details.fields` lists each field that failed",
  401: "Not signed in (`unauthorized`) or the access token expired (`token_expired`)",
  403: "Not allowed",
  404: "Not found, or not yours",
  409: "Conflicts with existing data",
  413: "The body is too large",
  415: "The body is not JSON",
  429: "Too many requests or a locked account; see `Retry-After`",
  503: "A dependency is unavailable",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** OpenAPI responses for the given error statuses, all with the error envelope. */
export function errorResponses<Status extends ErrorStatus>(...statuses: Status[]) {
  const entries = statuses.map((status) => [
    status,
    { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: errorEnvelopeSchema } } },
  ]);
  return Object.fromEntries(entries) as Record<
    Status,
    { description: string; content: { "application/json": { schema: typeof errorEnvelopeSchema } } }
  >;
}

export function jsonContent<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** A request body that must be JSON; other content types get 415. */
export function jsonRequest<Schema extends z.ZodType>(schema: Schema) {
  return { required: true, content: { "application/json": { schema } } };
}

/** Builds the schema of one page of a cursor-paginated list. */
export function pageSchema<Item extends z.ZodType>(item: Item, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as `cursor` for the next page; null on the last" }),
    })
    .openapi(name);
}

export const COOKIE_AUTH = [{ cookieAuth: [] }];
