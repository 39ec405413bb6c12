import { and, desc, eq, lt, or } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../../core/pagination";
import { validate } from "../../../core/validate";
import { getDb, schema } from "../../../db/client";
import { projectParamsSchema } from "./params";
import { outputsByGeneration, requireOwnedProject } from "./queries";
import { toGeneration } from "./serialize";

const cursorSchema = z.tuple([z.number().int(), z.string()]);

/** `GET /projects/:projectId/generations`: newest first, paged by (createdAt, id). */
export const listGenerations = new Hono<AppEnv>().get(
  "/projects/:projectId/generations",
  validate("param", projectParamsSchema),
  validate("query", pageQuerySchema),
  async (c) => {
    const user = c.get("user");
    const { projectId } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const db = getDb(c.env.DB);
    await requireOwnedProject(db, user.id, projectId);

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
    );
  },
);
