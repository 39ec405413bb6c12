import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { type Database, schema } from "../db/client";
import { TIERS, type Tier, tiersIncludedIn } from "./tiers";

const models = schema.aiModels;

// Orders tiers in SQL the way TIERS orders them in code.
const tierRankSql = sql<number>`CASE ${models.tier} ${sql.join(
  TIERS.map((tier, rank) => sql`WHEN ${tier} THEN ${rank}`),
  sql` `,
)} END`;

/**
 * The catalog version, which triggers on `ai_models` raise on every insert, update and delete.
 * Caches of anything derived from the catalog include it in their key.
 */
export async function catalogVersion(db: Database): Promise<number> {
  const [row] = await db
    .select({ version: schema.catalogVersions.version })
    .from(schema.catalogVersions)
    .where(eq(schema.catalogVersions.name, "ai_models"))
    .limit(1);
  return row?.version ?? 0;
}

export interface AppModelSummary {
  /** Enabled models of the app that the tier includes. */
  usable: number;
  /** The lowest tier with an enabled model of the app, or null when it has none. */
  lowestTier: Tier | null;
}

/** Summarizes every app's enabled models for `tier` in one query. Apps without rows are absent. */
export async function summarizeModelsByApp(db: Database, tier: Tier): Promise<Map<string, AppModelSummary>> {
  const rows = await db
    .select({
      appId: models.appId,
      usable: sql<number>`sum(CASE WHEN ${inArray(models.tier, tiersIncludedIn(tier))} THEN 1 ELSE 0 END)`,
      lowestRank: sql<number | null>`min(${tierRankSql})`,
    })
    .from(models)
    .where(eq(models.enabled, true))
    .groupBy(models.appId);

  return new Map(
    rows.map((row) => [
      row.appId,
      { usable: Number(row.usable), lowestTier: row.lowestRank === null ? null : (TIERS[row.lowestRank] ?? null) },
    ]),
  );
}

/** Summarizes one app's enabled models for `tier`, served by the (app_id, model_id) index. */
export async function summarizeAppModels(db: Database, appId: string, tier: Tier): Promise<AppModelSummary> {
  const [row] = await db
    .select({
      usable: sql<number>`coalesce(sum(CASE WHEN ${inArray(models.tier, tiersIncludedIn(tier))} THEN 1 ELSE 0 END), 0)`,
      lowestRank: sql<number | null>`min(${tierRankSql})`,
    })
    .from(models)
    .where(and(eq(models.appId, appId), eq(models.enabled, true)));

  const lowestRank = row?.lowestRank ?? null;
  return { usable: Number(row?.usable ?? 0), lowestTier: lowestRank === null ? null : (TIERS[lowestRank] ?? null) };
}

/** Selects the enabled models of `appId` that `tier` includes, by model id, after the `afterModelId` cursor. */
export function usableModelsQuery(db: Database, appId: string, tier: Tier, afterModelId: string | null, limit: number) {
  return db
    .select({
      modelId: models.modelId,
      appId: models.appId,
      name: models.name,
      tier: models.tier,
      creditCost: models.creditCost,
    })
    .from(models)
    .where(
      and(
        eq(models.appId, appId),
        eq(models.enabled, true),
        inArray(models.tier, tiersIncludedIn(tier)),
        afterModelId === null ? undefined : gt(models.modelId, afterModelId),
      ),
    )
    .orderBy(asc(models.modelId))
    .limit(limit);
}
