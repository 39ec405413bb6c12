import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../../../core/context";
import { decodeCursor, pageQuerySchema, toPage } from "../../../core/pagination";
import { getDb, schema } from "../../../db/client";
import { clipSchema, errorResponses, jsonContent, pageSchema, projectParams } from "../schemas";
import { toClip } from "../service/clips";
import { loadOwnedProject } from "../service/projects";

const { videoMixerGroups: groups, videoMixerClips: clips } = schema;

// Sorts ungrouped clips after every group; group positions are small non-negative integers.
const UNGROUPED_RANK = 2_147_483_647;

export const listClipsRoute = createRoute({
  method: "get",
  path: "/projects/{projectId}/clips",
  tags: ["Video Mixer"],
  summary: "List a project's clips by group order, then clip order; ungrouped clips last",
  request: { params: projectParams, query: pageQuerySchema },
  responses: {
    200: jsonContent(pageSchema(clipSchema, "VideoMixerClipPage"), "One page of clips"),
    ...errorResponses(400, 401, 404),
  },
});

export const listClips: RouteHandler<typeof listClipsRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const { projectId } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  const db = getDb(c.env.DB);

  await loadOwnedProject(db, user.id, projectId);

  // Sort key: group rank, group id (two groups may share a position), clip position, clip id.
  const rank = sql<number>`coalesce(${groups.position}, ${UNGROUPED_RANK})`;
  const groupKey = sql<string>`coalesce(${clips.groupId}, '')`;
  const after = cursor
    ? decodeCursor(cursor, z.tuple([z.number().int(), z.string(), z.number().int(), z.string()]))
    : null;

  const rows = await db
    .select({ clip: clips, rank, groupKey })
    .from(clips)
    .leftJoin(groups, eq(groups.id, clips.groupId))
    .where(
      and(
        eq(clips.projectId, projectId),
        after
          ? sql`(${rank}, ${groupKey}, ${clips.position}, ${clips.id}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`
          : undefined,
      ),
    )
    .orderBy(asc(rank), asc(groupKey), asc(clips.position), asc(clips.id))
    .limit(limit + 1);

  return c.json(
    toPage(
      rows,
      limit,
      (row) => toClip(row.clip),
      (row) => [Number(row.rank), row.groupKey, row.clip.position, row.clip.id],
    ),
    200,
  );
};
