import type { Context } from "hono";
import type { Config, Env } from "./env";
import type { Logger } from "./logger";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
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
