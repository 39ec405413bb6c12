import type { ServerResponse } from "node:http";
import { sendJson } from "../errors";

/** `GET /health`: no auth, so that load balancers and the dev script can poll it. */
export function healthRoute(res: ServerResponse, ffmpegVersion: string) {
  sendJson(res, 200, { status: "ok", ffmpeg: ffmpegVersion });
}
