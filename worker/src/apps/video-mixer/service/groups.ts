import { and, asc, eq } from "drizzle-orm";
import { notFound } from "../../../core/errors";
import { type Database, schema } from "../../../db/client";
import type { Group } from "../schemas";

const { videoMixerProjects: projects, videoMixerGroups: groups, videoMixerClips: clips } = schema;

export type GroupRow = typeof groups.$inferSelect;

/** Loads a group whose project belongs to `userId`; anything else is reported as missing. */
export async function loadOwnedGroup(db: Database, userId: string, groupId: string): Promise<GroupRow> {
  const [row] = await db
    .select({ group: groups })
    .from(groups)
    .innerJoin(projects, eq(projects.id, groups.projectId))
    .where(and(eq(groups.id, groupId), eq(projects.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Group");
  return row.group;
}

/** Checks that `groupId` is a group of `projectId`, which the caller already owns. */
export async function assertGroupInProject(db: Database, projectId: string, groupId: string): Promise<void> {
  const [row] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.projectId, projectId)))
    .limit(1);
  if (!row) throw notFound("Group");
}

function groupColumns(db: Database) {
  return {
    id: groups.id,
    projectId: groups.projectId,
    name: groups.name,
    position: groups.position,
    clipCount: db.$count(clips, eq(clips.groupId, groups.id)),
  };
}

function toGroup(row: { id: string; projectId: string; name: string; position: number; clipCount: number }): Group {
  return { ...row, clipCount: Number(row.clipCount) };
}

// Ties (two groups created at once) still sort the same way every time.
const groupOrder = [asc(groups.position), asc(groups.createdAt), asc(groups.id)];

/** The project's groups in display order, with their clip counts. */
export async function listGroups(db: Database, projectId: string): Promise<Group[]> {
  const rows = await db
    .select(groupColumns(db))
    .from(groups)
    .where(eq(groups.projectId, projectId))
    .orderBy(...groupOrder);
  return rows.map(toGroup);
}

export async function readGroup(db: Database, groupId: string): Promise<Group> {
  const [row] = await db.select(groupColumns(db)).from(groups).where(eq(groups.id, groupId)).limit(1);
  if (!row) throw notFound("Group");
  return toGroup(row);
}

/** Ids of the project's groups in display order. */
export async function orderedGroupIds(db: Database, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.projectId, projectId))
    .orderBy(...groupOrder);
  return rows.map((row) => row.id);
}
