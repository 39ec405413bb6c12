import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../core/context";
import { creditAccount } from "../../credits/account";
import { getDb } from "../../db/client";
import {
  countDistinctVariants,
  noVariantsProblem,
  type PlannerClip,
  planVariants,
  segmentLengthProblem,
  type VariantPlan,
  validateCombination,
} from "./planner";
import { pricePerVariant } from "./pricing";
import { insufficientCreditsProblem, type Problem, tooManyVariantsProblem } from "./problems";
import {
  errorResponses,
  estimateSchema,
  generationRequestBody,
  jsonContent,
  jsonRequestBody,
  projectParams,
} from "./schemas";
import { loadPlannerInput } from "./service/planner-input";
import { loadOwnedProject } from "./service/projects";
import type { MixSettings } from "./settings";

// The predicted length is the mean over at most this many planned variants.
const PREDICTION_SAMPLE = 20;

export const estimateRoute = createRoute({
  method: "post",
  path: "/projects/{projectId}/estimate",
  tags: ["Video Mixer"],
  summary: "Price a generation and list what would stop it, without starting it",
  request: { params: projectParams, body: jsonRequestBody(generationRequestBody) },
  responses: {
    200: jsonContent(estimateSchema, "The estimate; `problems` is empty when the generation can start"),
    ...errorResponses(400, 401, 404, 415),
  },
});

export const estimate: RouteHandler<typeof estimateRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const { settings, count } = c.req.valid("json");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);
  const [{ clips, groups }, balance] = await Promise.all([
    loadPlannerInput(db, projectId),
    creditAccount(c.env, user.id).getBalance(user.id),
  ]);

  const distinct = countDistinctVariants(clips, groups, settings);
  const price = pricePerVariant(settings);
  const totalCost = price * count;
  const tooShort = segmentLengthProblem(clips, groups, settings);
  const problems = findProblems({ clips, settings, count, distinct: distinct.count, tooShort, totalCost, balance });

  // Variants differ in length (speeds, group picks), so the prediction averages a few plans.
  // Nothing can be planned while the segments do not fit the duration.
  let predictedDurationSeconds = 0;
  let predictedDurationRange = { min: 0, max: 0 };
  const sample = Math.min(count, distinct.count, PREDICTION_SAMPLE);
  if (sample > 0 && tooShort === null) {
    const plans = planVariants(clips, groups, settings, sample, `estimate:${projectId}`);
    const mean = plans.reduce((sum, plan) => sum + plan.durationSeconds, 0) / plans.length;
    predictedDurationSeconds = roundTenth(mean);
    predictedDurationRange = durationRange(plans, clips, settings);
  }

  return c.json(
    {
      count,
      distinctVariants: distinct.count,
      distinctVariantsCapped: distinct.capped,
      pricePerVariant: price,
      totalCost,
      predictedDurationSeconds,
      predictedDurationRange,
      balance,
      problems,
    },
    200,
  );
};

const roundTenth = (value: number) => Math.round(value * 10) / 10;

/**
 * Computes the shortest and longest output the settings can produce. For a fixed duration that is
 * the range of the planned lengths. A speed range is drawn again for each real variant, so its
 * bounds use every segment at the fastest and at the slowest allowed speed, not the sampled speeds.
 */
function durationRange(
  plans: VariantPlan[],
  clips: { id: string; durationSeconds: number }[],
  settings: MixSettings,
): { min: number; max: number } {
  const lengths = plans.map((plan) => plan.durationSeconds);
  if (settings.duration.mode === "fixed" || !settings.speed) {
    return { min: roundTenth(Math.min(...lengths)), max: roundTenth(Math.max(...lengths)) };
  }

  const clipSeconds = new Map(clips.map((clip) => [clip.id, clip.durationSeconds]));
  const atSpeedOne = plans.map((plan) =>
    plan.segments.reduce((sum, segment) => sum + (segment.trimDuration ?? clipSeconds.get(segment.clipId) ?? 0), 0),
  );
  return {
    min: roundTenth(Math.min(...atSpeedOne) / settings.speed.max),
    max: roundTenth(Math.max(...atSpeedOne) / settings.speed.min),
  };
}

/** The reasons the generation would be rejected, in the order a user should fix them. */
function findProblems(input: {
  clips: PlannerClip[];
  settings: MixSettings;
  count: number;
  distinct: number;
  tooShort: Problem | null;
  totalCost: number;
  balance: number;
}): Problem[] {
  const problems: Problem[] = [];
  const invalidCombination = validateCombination(input.settings);

  // An empty project reports no_clips before any settings problem: there is nothing to mix yet.
  if (input.clips.length === 0) {
    problems.push(noVariantsProblem(input.clips, input.settings));
  } else if (invalidCombination) {
    problems.push(invalidCombination);
  } else if (input.distinct === 0) {
    problems.push(noVariantsProblem(input.clips, input.settings));
  } else if (input.count > input.distinct) {
    problems.push(tooManyVariantsProblem(input.count, input.distinct));
  }
  if (input.distinct > 0 && input.tooShort !== null) problems.push(input.tooShort);

  if (input.totalCost > input.balance) problems.push(insufficientCreditsProblem(input.totalCost, input.balance));
  return problems;
}
