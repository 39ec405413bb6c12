import type { ServerResponse } from "node:http";
import { RenderError, sendError, sendJson } from "../errors";
import { JOB_ID_PATTERN, type JobProgressRegistry } from "../progress";

/**
 * `GET /v1/jobs/:jobId`: the progress of a job that sent this `X-Job-Id`, while it runs and for a
 * minute after it ended. An unknown, expired or malformed id gets 404.
 */
export function jobProgressRoute(res: ServerResponse, registry: JobProgressRegistry, jobId: string) {
  const progress = JOB_ID_PATTERN.test(jobId) ? registry.get(jobId) : null;
  if (progress === null) {
    sendError(res, new RenderError("not_found", "no job with this id is running or recently finished"), true);
    return;
  }
  sendJson(res, 200, { progress });
}
