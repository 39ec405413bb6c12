import type { TFunction } from "i18next";
import { ApiError } from "../../../api/client";
import type { GenerationProblem } from "../types";

// Only strings shaped like a code select a translation, so free text cannot resolve to another key.
const CODE_PATTERN = /^[a-z0-9_]+$/;

/**
 * Translates a problem from `videoMixer.problems.<code>` with its params, or returns the API's
 * English message when the code has no translation.
 */
export function problemText(problem: GenerationProblem, t: TFunction): string {
  if (!CODE_PATTERN.test(problem.code)) return problem.message;

  // Params go in `replace` so that names such as `count` or `lng` never act as i18next options.
  return t(`videoMixer.problems.${problem.code}`, { replace: problem.params, defaultValue: problem.message });
}

/**
 * Reads the problem of a failed generation request, whose `details` are `{ problem: code, ...params }`,
 * or returns null for any other error.
 */
export function problemFromError(error: unknown): GenerationProblem | null {
  if (!(error instanceof ApiError) || error.details === null) return null;

  const { problem: code, ...rest } = error.details;
  if (typeof code !== "string") return null;

  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  }
  return { code, message: error.message, params };
}
