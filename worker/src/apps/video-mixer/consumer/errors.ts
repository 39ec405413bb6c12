import { MissingObjectError } from "../../../renderer/normalize";
import { RendererError } from "../../../renderer/transport";
import { InvalidJobError } from "./stored-plan";

/**
 * Returns the reason shown on a failed output when `error` cannot be cured by retrying (bad
 * input, a rejected spec, a missing file), or null when the message should be retried.
 */
export function permanentFailureReason(error: unknown): string | null {
  if (error instanceof RendererError && error.permanent) {
    if (error.code === "unsupported_media") return `A clip could not be decoded: ${error.message}`;
    return `The renderer rejected the job (${error.code}): ${error.message}`;
  }
  if (error instanceof MissingObjectError) return "A clip file is missing from storage";
  if (error instanceof InvalidJobError) return error.message;
  return null;
}
