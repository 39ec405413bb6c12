import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../../core/context";
import type { Env } from "../../../core/env";
import { AppError } from "../../../core/errors";
import { rateLimit } from "../../../core/middleware/rate-limit";
import { creditAccount } from "../../../credits/account";
import { type Database, getDb, schema } from "../../../db/client";
import { planVariants, validateCombination } from "../planner";
import { pricePerVariant } from "../pricing";
import { insufficientCreditsProblem, problemError } from "../problems";
import {
  errorResponses,
  generationRequestBody,
  generationSchema,
  jsonContent,
  jsonRequestBody,
  projectParams,
} from "../schemas";
import { loadPlannerInput } from "../service/planner-input";
import { loadOwnedProject } from "../service/projects";
import { reservationKey } from "./credits";
import { failOutputs, type GenerationRow, type OutputRow } from "./lifecycle";
import { toGeneration } from "./serialize";

// Each output row binds 6 parameters (3 given, 3 column defaults) and D1 allows 100 per statement.
const OUTPUT_ROWS_PER_INSERT = 15;

const generateRateLimit = rateLimit({
  binding: (env) => env.GENERATE_LIMITER,
  key: (c) => `video-mixer-generate:user:${c.get("user").id}`,
  retryAfterSeconds: 60,
});

export const createGenerationRoute = createRoute({
  method: "post",
  path: "/projects/{projectId}/generations",
  tags: ["Video Mixer"],
  summary: "Start a generation: plan the variants, reserve their cost and queue the render",
  description:
    "A request the estimate lists a problem for fails with 400 (402 for insufficient_credits) and `error.details` `{ problem: code, ...params }`, with the code and params of the estimate's problem.",
  middleware: [generateRateLimit] as const,
  request: { params: projectParams, body: jsonRequestBody(generationRequestBody) },
  responses: {
    202: jsonContent(generationSchema, "The queued generation"),
    ...errorResponses(400, 401, 402, 404, 415, 429, 503),
  },
});

/**
 * Plans the variants, stores them, reserves their cost and queues the render. Each step undoes
 * the earlier ones when it fails, so a request never leaves credits held without a queued job or
 * rows without a reservation. A crash between the steps leaves a queued generation that
 * sweepStuckGenerations repairs.
 */
export const createGeneration: RouteHandler<typeof createGenerationRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const { settings, count } = c.req.valid("json");
  const db = getDb(c.env.DB);

  const invalidCombination = validateCombination(settings);
  if (invalidCombination) throw problemError(invalidCombination);

  await loadOwnedProject(db, user.id, projectId);
  const { clips, groups } = await loadPlannerInput(db, projectId);
  // A fresh seed per request: two generations with the same settings get different variants.
  const plans = planVariants(clips, groups, settings, count, crypto.randomUUID());

  const price = pricePerVariant(settings);
  const now = new Date();
  const generation: GenerationRow = {
    id: crypto.randomUUID(),
    projectId,
    userId: user.id,
    status: "queued",
    count,
    pricePerVariant: price,
    cost: price * count,
    settings,
    error: null,
    createdAt: now,
    completedAt: null,
    requeuedAt: null,
  };
  const outputs: OutputRow[] = plans.map((plan, index) => ({
    generationId: generation.id,
    index,
    status: "queued",
    progress: 0,
    plan,
    durationSeconds: null,
    objectKey: null,
    thumbnailKey: null,
    sizeBytes: null,
    error: null,
    attempts: 0,
    updatedAt: now,
  }));
  await insertGeneration(db, generation, outputs);

  // A crash here leaves a queued generation without a reservation; the sweep fails it.
  await reserveCredits(c.env, db, generation);

  // A crash here leaves the credits reserved and no job queued; the sweep re-sends the prepare.
  try {
    await c.env.RENDER_QUEUE.send({ type: "video-mixer.prepare", generationId: generation.id });
  } catch (error) {
    c.get("log").error("render queue send failed; releasing the reservation", {
      generationId: generation.id,
      error,
    });
    await failOutputs(
      c.env,
      generation,
      outputs.map((output) => output.index),
      "The render job could not be queued; the credits were returned",
    );
    throw new AppError("service_unavailable", "The render queue is unavailable; no credits were taken. Try again");
  }

  return c.json(toGeneration(generation, outputs), 202);
};

async function insertGeneration(db: Database, generation: GenerationRow, outputs: OutputRow[]) {
  const statements = [];
  for (let start = 0; start < outputs.length; start += OUTPUT_ROWS_PER_INSERT) {
    const rows = outputs
      .slice(start, start + OUTPUT_ROWS_PER_INSERT)
      .map((output) => ({ generationId: output.generationId, index: output.index, plan: output.plan }));
    statements.push(db.insert(schema.videoMixerOutputs).values(rows));
  }
  await db.batch([db.insert(schema.videoMixerGenerations).values(generation), ...statements]);
}

async function deleteGeneration(db: Database, generationId: string) {
  await db.batch([
    db.delete(schema.videoMixerOutputs).where(eq(schema.videoMixerOutputs.generationId, generationId)),
    db.delete(schema.videoMixerGenerations).where(eq(schema.videoMixerGenerations.id, generationId)),
  ]);
}

/**
 * Reserves the generation's cost. On insufficient credits the rows are deleted and the request
 * fails with 402. If the call itself fails, the reservation may or may not exist, so every part
 * is released (a no-op for an unknown reservation) and the generation is kept as failed.
 */
async function reserveCredits(env: Env, db: Database, generation: GenerationRow) {
  let result: Awaited<ReturnType<ReturnType<typeof creditAccount>["reserve"]>>;
  try {
    result = await creditAccount(env, generation.userId).reserve(generation.userId, {
      key: reservationKey(generation.id),
      amount: generation.cost,
      reference: generation.id,
      description: `Video Mixer: ${generation.count} variant${generation.count === 1 ? "" : "s"}`,
    });
  } catch (error) {
    const indices = Array.from({ length: generation.count }, (_, index) => index);
    await failOutputs(env, generation, indices, "Credits could not be reserved");
    throw error;
  }

  if (!result.ok) {
    await deleteGeneration(db, generation.id);
    throw problemError(insufficientCreditsProblem(result.required, result.balance), "insufficient_credits");
  }
}
