import type { Context } from "hono";
import type { Tier } from "../models/tiers";
import type { Config, Env } from "./env";
import type { Logger } from "./logger";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
  /** The tier in force now: a paid tier past its expiry is reported as `free`. */
  tier: Tier;
  sessionId: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    log: Logger;
    config: Config;
    user: SessionUser;
  };
}

export type AppContext = Context<AppEnv>;
