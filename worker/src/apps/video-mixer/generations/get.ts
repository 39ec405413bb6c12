import { Hono } from "hono";
import type { AppEnv } from "../../../core/context";
import { validate } from "../../../core/validate";
import { getDb } from "../../../db/client";
import { listOutputs } from "./lifecycle";
import { generationParamsSchema } from "./params";
import { findOwnedGeneration } from "./queries";
import { toGeneration } from "./serialize";

/** `GET /generations/:generationId`: the generation with every output's status and progress. */
export const getGeneration = new Hono<AppEnv>().get(
  "/generations/:generationId",
  validate("param", generationParamsSchema),
  async (c) => {
    const { generationId } = c.req.valid("param");
    const generation = await findOwnedGeneration(getDb(c.env.DB), c.get("user").id, generationId);
    return c.json(toGeneration(generation, await listOutputs(c.env, generation.id)));
  },
);
