import type { TFunction } from "i18next";
import { ApiError, type FieldIssue } from "../api/client";
import { i18next } from "../i18n";

export interface DescribedError {
  message: string;
  requestId: string | null;
  fieldIssues: FieldIssue[];
}

/**
 * Turns any thrown value into a translated message. Lookup order: `errors.<context>.<code>` (a
 * message for one screen, e.g. a wrong password on sign-in), then `errors.<code>`, then the API's
 * own message, then a generic one.
 */
export function describeError(error: unknown, t: TFunction, context?: string): DescribedError {
  if (!(error instanceof ApiError)) {
    return { message: t("errors.unknown"), requestId: null, fieldIssues: [] };
  }

  const keys = [context ? `errors.${context}.${error.code}` : null, `errors.${error.code}`].filter(
    (key): key is string => key !== null && i18next.exists(key),
  );
  let message = keys[0] ? t(keys[0]) : error.message || t("errors.unknown");
  if (error.retryAfterSeconds !== null && error.code === "rate_limited") {
    message = `${message} ${t("errors.retryAfter", { count: error.retryAfterSeconds })}`;
  }

  return { message, requestId: error.requestId, fieldIssues: error.fieldIssues };
}
