import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../../core/pagination";
import { getDb, schema } from "../../../db/client";
import { errorResponses, jsonContent, pageSchema, projectSchema } from "../schemas";
import { projectColumns, toProject } from "../service/projects";

const projects = schema.videoMixerProjects;

export const listProjectsRoute = createRoute({
  method: "get",
  path: "/projects",
  tags: ["Video Mixer"],
  summary: "List the user's projects, newest first",
  request: { query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(projectSchema, "VideoMixerProjectPage"), "One page of projects"),
    ...errorResponses(400, 401),
  },
});

export const listProjects: RouteHandler<typeof listProjectsRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { cursor, limit } = c.req.valid("query");

  // The cursor is the (createdAt, id) of the last project shown; ids break ties within one millisecond.
  const after = cursor ? decodeCursor(cursor, z.tuple([z.number().int(), z.string()])) : null;
  const db = getDb(c.env.DB);
  const rows = await db
    .select(projectColumns(db))
    .from(projects)
    .where(
      and(
        eq(projects.userId, user.id),
        after ? sql`(${projects.createdAt}, ${projects.id}) < (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(limit + 1);

  return c.json(
    toPage(rows, limit, toProject, (row) => [row.createdAt.getTime(), row.id]),
    200,
  );
};
