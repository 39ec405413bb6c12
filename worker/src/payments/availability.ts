import type { Env } from "../core/env";
import { AppError } from "../core/errors";
import { logger } from "../core/logger";
import { type DuitkuConfig, loadDuitkuConfig } from "./config";

// Logged once per isolate (config is fixed for an isolate's life), so a misconfiguration shows
// up at the first payment request or Cron run without flooding the log.
const reported = new WeakSet<object>();

/**
 * Returns the Duitku settings, or throws 503 when they are missing or invalid. The error log
 * names each failing setting; the response only states that payments are not configured.
 */
export function requireDuitkuConfig(env: Env): DuitkuConfig {
  const result = loadDuitkuConfig(env);
  if (result.ok) return result.config;

  if (!reported.has(env)) {
    reported.add(env);
    logger.error("payments disabled: Duitku settings are missing or invalid", { problems: result.problems });
  }
  throw new AppError(
    "service_unavailable",
    "Payments are not available because the server's Duitku settings are incomplete; the server log names the missing setting",
  );
}
