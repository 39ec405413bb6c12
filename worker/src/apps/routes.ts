import { Hono } from "hono";
import { requireUser } from "../auth/session";
import type { AppEnv } from "../core/context";
import { APPS } from "./registry";

export const appRoutes = new Hono<AppEnv>().get("/", requireUser(), (c) => {
  const apps = [...APPS]
    .sort((a, b) => a.dashboardOrder - b.dashboardOrder)
    .map((app) => ({ ...app, canOpen: app.status !== "coming-soon" }));
  return c.json({ items: apps });
});
