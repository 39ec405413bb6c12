import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { notFound } from "../../../core/errors";
import { type Database, schema } from "../../../db/client";
import { type GenerationRow, type OutputRow, UNFINISHED } from "./lifecycle";

// D1 binds at most 100 parameters per statement.
const IDS_PER_QUERY = 90;

/** Loads the outputs of several generations, grouped by generation id and ordered by index. */
export async function outputsByGeneration(db: Database, generationIds: string[]): Promise<Map<string, OutputRow[]>> {
  const outputs = schema.videoMixerOutputs;
  const grouped = new Map<string, OutputRow[]>(generationIds.map((id) => [id, []]));
  for (let start = 0; start < generationIds.length; start += IDS_PER_QUERY) {
    const rows = await db
      .select()
      .from(outputs)
      .where(inArray(outputs.generationId, generationIds.slice(start, start + IDS_PER_QUERY)))
      .orderBy(asc(outputs.generationId), asc(outputs.index));
    for (const row of rows) grouped.get(row.generationId)?.push(row);
  }
  return grouped;
}

/** Loads the user's generation; throws 404 for another user's id exactly as for an unknown one. */
export async function findOwnedGeneration(db: Database, userId: string, generationId: string): Promise<GenerationRow> {
  const generations = schema.videoMixerGenerations;
  const [row] = await db
    .select()
    .from(generations)
    .where(and(eq(generations.id, generationId), eq(generations.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Generation");
  return row;
}

/**
 * Returns the id of a queued or processing generation of the project with an unfinished output
 * whose plan uses `clipId`, or null when no unfinished render needs the clip.
 */
export async function unfinishedGenerationUsingClip(
  db: Database,
  projectId: string,
  clipId: string,
): Promise<string | null> {
  const { videoMixerGenerations: generations, videoMixerOutputs: outputs } = schema;
  const [row] = await db
    .select({ id: generations.id })
    .from(generations)
    .innerJoin(outputs, eq(outputs.generationId, generations.id))
    .where(
      and(
        eq(generations.projectId, projectId),
        inArray(generations.status, UNFINISHED),
        inArray(outputs.status, UNFINISHED),
        sql`exists (select 1 from json_each(${outputs.plan}, '$.segments') where json_extract(value, '$.clipId') = ${clipId})`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}
