import type { AppContext } from "../core/context";
import { getDb } from "../db/client";
import { catalogVersion, summarizeModelsByApp } from "../models/catalog";
import type { Tier } from "../models/tiers";
import { APPS, type AppDefinition } from "./registry";

export interface DashboardApp extends AppDefinition {
  /** Whether this user may open the app now. */
  canOpen: boolean;
  /** Enabled models the user's tier includes; 0 for apps that need none. */
  availableModels: number;
  /** The lowest tier that unlocks a model of the app, or null when it needs none or has none. */
  requiredTier: Tier | null;
}

// Bounds how stale an entry can get if a catalog change were ever made without the triggers.
const CACHE_SECONDS = 300;

/** Combines the code registry with one model summary; every registered app is listed, with or without model rows. */
function buildDashboard(summaries: Awaited<ReturnType<typeof summarizeModelsByApp>>): DashboardApp[] {
  return [...APPS]
    .sort((a, b) => a.dashboardOrder - b.dashboardOrder)
    .map((app) => {
      const summary = summaries.get(app.id) ?? { usable: 0, lowestTier: null };
      const modelsAllow = !app.requiresModel || summary.usable > 0;
      return {
        ...app,
        canOpen: app.status !== "coming-soon" && modelsAllow,
        availableModels: app.requiresModel ? summary.usable : 0,
        requiredTier: app.requiresModel ? summary.lowestTier : null,
      };
    });
}

/**
 * Returns the dashboard apps for a tier. The result depends only on the tier and the model
 * catalog, so it is cached with the Cache API under both. A catalog change raises the version and
 * a tier change picks another key, so either way the next request recomputes it.
 */
export async function dashboardAppsForTier(c: AppContext, tier: Tier): Promise<DashboardApp[]> {
  const db = getDb(c.env.DB);
  const version = await catalogVersion(db);
  const key = new Request(`${c.get("config").publicBaseUrl}/__cache/dashboard-apps/v1/${tier}/${version}`);
  const cache = caches.default;

  const hit = await cache.match(key);
  if (hit) return (await hit.json()) as DashboardApp[];

  const apps = buildDashboard(await summarizeModelsByApp(db, tier));
  const entry = new Response(JSON.stringify(apps), {
    headers: { "Content-Type": "application/json", "Cache-Control": `max-age=${CACHE_SECONDS}` },
  });
  const stored = cache.put(key, entry);
  try {
    c.executionCtx.waitUntil(stored);
  } catch {
    // No execution context (the app called directly in a test): finish the write inline.
    await stored;
  }
  return apps;
}
