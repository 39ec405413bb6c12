import type { AppContext } from "../../../core/context";
import { AppError, notFound } from "../../../core/errors";
import { getDb } from "../../../db/client";
import { findOutput, type GenerationRow, type OutputRow } from "../generations/lifecycle";
import { findOwnedGeneration } from "../generations/queries";

export type CompletedOutput = OutputRow & { objectKey: string; thumbnailKey: string };

/** Loads the user's completed output; throws 404 for another user's, an unknown or an unfinished one. */
export async function findCompletedOutput(
  c: AppContext,
  generationId: string,
  index: number,
): Promise<{ generation: GenerationRow; output: CompletedOutput }> {
  const generation = await findOwnedGeneration(getDb(c.env.DB), c.get("user").id, generationId);
  const output = await findOutput(c.env, generation.id, index);
  if (!output) throw notFound("Output");
  if (output.status !== "completed" || !output.objectKey || !output.thumbnailKey) {
    throw new AppError("not_found", `Output ${index} is not ready (status ${output.status})`);
  }
  return { generation, output: output as CompletedOutput };
}
