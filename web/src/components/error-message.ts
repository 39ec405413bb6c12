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
  if (error.retryAfterSeconds !== null && (error.code === "rate_limited" || error.code === "account_locked")) {
    message = `${message} ${t("errors.retryAfter", { count: error.retryAfterSeconds })}`;
  }

  return {
    message,
    requestId: error.requestId,
    fieldIssues: error.fieldIssues.map((issue) => translateIssue(issue, t)),
  };
}

/** Translates a field's name and, when the API names the failed rule, its message. */
function translateIssue(issue: FieldIssue, t: TFunction): FieldIssue {
  const pathKey = `errors.fieldNames.${issue.path}`;
  const messageKey = issue.code ? `errors.fields.${issue.code}` : null;
  return {
    ...issue,
    path: i18next.exists(pathKey) ? t(pathKey) : issue.path,
    message: messageKey && i18next.exists(messageKey) ? t(messageKey) : issue.message,
  };
}
