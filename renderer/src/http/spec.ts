import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { RenderError } from "../errors";

const SPEC_HEADER = "x-render-spec";

/** Decodes the base64url JSON in `X-Render-Spec` and validates it; any flaw is 400 `invalid_spec`. */
export function readSpec<Schema extends z.ZodType>(req: IncomingMessage, schema: Schema): z.output<Schema> {
  const header = req.headers[SPEC_HEADER];
  if (typeof header !== "string" || header.length === 0) {
    throw new RenderError("invalid_spec", "the X-Render-Spec header is missing");
  }
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(header)) {
    throw new RenderError("invalid_spec", "X-Render-Spec is not base64url");
  }

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  } catch {
    throw new RenderError("invalid_spec", "X-Render-Spec does not decode to JSON");
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "spec"}: ${issue.message}`);
    throw new RenderError("invalid_spec", `X-Render-Spec is invalid: ${issues.slice(0, 5).join("; ")}`);
  }
  return parsed.data;
}
