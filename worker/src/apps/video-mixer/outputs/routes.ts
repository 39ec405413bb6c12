import { Hono } from "hono";
import type { AppEnv } from "../../../core/context";
import { downloadOutput } from "./download";
import { outputThumbnail } from "./thumbnail";
import { downloadZipOfOutputs } from "./zip";

/**
 * Download endpoints for rendered outputs. Mounted inside `videoMixerRoutes`, whose
 * `requireUser()` rejects requests without a session and sets the user these handlers read.
 */
export const outputRoutes = new Hono<AppEnv>()
  .route("/", downloadOutput)
  .route("/", outputThumbnail)
  .route("/", downloadZipOfOutputs);
