import type { Generation } from "../schemas";
import type { MixSettings } from "../settings";
import type { GenerationRow, OutputRow } from "./lifecycle";

/** A generation as the API returns it. */
export function toGeneration(row: GenerationRow, outputs: OutputRow[]): Generation {
  return {
    id: row.id,
    projectId: row.projectId,
    status: row.status,
    count: row.count,
    cost: row.cost,
    pricePerVariant: row.pricePerVariant,
    // Stored from the request body after mixSettingsSchema accepted it.
    settings: row.settings as MixSettings,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    outputs: outputs.map((output) => ({
      index: output.index,
      status: output.status,
      progress: output.progress,
      durationSeconds: output.durationSeconds,
      sizeBytes: output.sizeBytes,
      error: output.error,
    })),
  };
}
