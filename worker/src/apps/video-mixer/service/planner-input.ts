import { eq } from "drizzle-orm";
import { type Database, schema } from "../../../db/client";
import type { PlannerClip, PlannerGroup } from "../planner";

const { videoMixerClips: clips, videoMixerGroups: groups } = schema;

/** Loads the project's clips and groups in the planner's shape. The planner sorts them itself. */
export async function loadPlannerInput(
  db: Database,
  projectId: string,
): Promise<{ clips: PlannerClip[]; groups: PlannerGroup[] }> {
  const [clipRows, groupRows] = await Promise.all([
    db
      .select({
        id: clips.id,
        groupId: clips.groupId,
        position: clips.position,
        durationSeconds: clips.durationSeconds,
      })
      .from(clips)
      .where(eq(clips.projectId, projectId)),
    db.select({ id: groups.id, position: groups.position }).from(groups).where(eq(groups.projectId, projectId)),
  ]);
  return { clips: clipRows, groups: groupRows };
}
