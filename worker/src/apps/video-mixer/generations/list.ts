import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../../core/pagination";
import { getDb, schema } from "../../../db/client";
import { errorResponses, generationSchema, jsonContent, pageSchema, projectParams } from "../schemas";
import { loadOwnedProject } from "../service/projects";
import { outputsByGeneration } from "./queries";
import { toGeneration } from "./serialize";

const cursorSchema = z.tuple([z.number().int(), z.string()]);

export const listGenerationsRoute = createRoute({
  method: "get",
  path: "/projects/{projectId}/generations",
  tags: ["Video Mixer"],
  summary: "List a project's generations with their outputs, newest first",
  request: { params: projectParams, query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(generationSchema, "VideoMixerGenerationPage"), "One page of generations"),
    ...errorResponses(400, 401, 404),
  },
});

/** Pages by (createdAt, id) of the last generation shown; ids break ties within one millisecond. */
export const listGenerations: RouteHandler<typeof listGenerationsRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  const db = getDb(c.env.DB);
  await loadOwnedProject(db, user.id, projectId);

  const generations = schema.videoMixerGenerations;
  const after = cursor ? decodeCursor(cursor, cursorSchema) : null;
  const rows = await db
    .select()
    .from(generations)
    .where(
      and(
        eq(generations.projectId, projectId),
        eq(generations.userId, user.id),
        after
          ? or(
              lt(generations.createdAt, new Date(after[0])),
              and(eq(generations.createdAt, new Date(after[0])), lt(generations.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(generations.createdAt), desc(generations.id))
    .limit(limit + 1);

  const outputs = await outputsByGeneration(
    db,
    rows.slice(0, limit).map((row) => row.id),
  );
  return c.json(
    toPage(
      rows,
      limit,
      (row) => toGeneration(row, outputs.get(row.id) ?? []),
      (row) => [row.createdAt.getTime(), row.id],
    ),
    200,
  );
};
