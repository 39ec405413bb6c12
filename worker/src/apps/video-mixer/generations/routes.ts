import { Hono } from "hono";
import type { AppEnv } from "../../../core/context";
import { createGeneration } from "./create";
import { getGeneration } from "./get";
import { listGenerations } from "./list";

/**
 * Generation endpoints. Mounted inside `videoMixerRoutes`, whose `requireUser()` rejects requests
 * without a session and sets the user these handlers read.
 */
export const generationRoutes = new Hono<AppEnv>()
  .route("/", createGeneration)
  .route("/", listGenerations)
  .route("/", getGeneration);
