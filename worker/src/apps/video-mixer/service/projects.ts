import { and, eq } from "drizzle-orm";
import { notFound } from "../../../core/errors";
import { type Database, schema } from "../../../db/client";
import type { Project } from "../schemas";

const { videoMixerProjects: projects, videoMixerGroups: groups, videoMixerClips: clips } = schema;

export type ProjectRow = typeof projects.$inferSelect;

/** Loads a project of `userId`; a project of another user is reported as missing, never as forbidden. */
export async function loadOwnedProject(db: Database, userId: string, projectId: string): Promise<ProjectRow> {
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.userId, userId)))
    .limit(1);
  if (!project) throw notFound("Project");
  return project;
}

/**
 * Columns for a project with its clip and group counts, for `db.select(projectColumns(db))`.
 * `$count` qualifies the column names; a plain sql`` subquery would compare unqualified `id`s.
 */
export function projectColumns(db: Database) {
  return {
    id: projects.id,
    name: projects.name,
    description: projects.description,
    createdAt: projects.createdAt,
    updatedAt: projects.updatedAt,
    clipCount: db.$count(clips, eq(clips.projectId, projects.id)),
    groupCount: db.$count(groups, eq(groups.projectId, projects.id)),
  };
}

type ProjectWithCounts = Pick<ProjectRow, "id" | "name" | "description" | "createdAt" | "updatedAt"> & {
  clipCount: number;
  groupCount: number;
};

export function toProject(row: ProjectWithCounts): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    clipCount: Number(row.clipCount),
    groupCount: Number(row.groupCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Reads one project with its counts; the caller has already checked ownership. */
export async function readProject(db: Database, projectId: string): Promise<Project> {
  const [row] = await db.select(projectColumns(db)).from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!row) throw notFound("Project");
  return toProject(row);
}
