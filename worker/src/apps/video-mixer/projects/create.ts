import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../../core/context";
import { getDb, schema } from "../../../db/client";
import { createProjectBody, errorResponses, jsonContent, jsonRequestBody, projectSchema } from "../schemas";
import { toProject } from "../service/projects";

export const createProjectRoute = createRoute({
  method: "post",
  path: "/projects",
  tags: ["Video Mixer"],
  summary: "Create a project",
  request: { body: jsonRequestBody(createProjectBody) },
  responses: { 201: jsonContent(projectSchema, "The new project"), ...errorResponses(400, 401, 415) },
});

export const createProject: RouteHandler<typeof createProjectRoute, AppEnv> = async (c) => {
  const user = c.get("user");
  const input = c.req.valid("json");

  const now = new Date();
  const [row] = await getDb(c.env.DB)
    .insert(schema.videoMixerProjects)
    .values({
      id: crypto.randomUUID(),
      userId: user.id,
      name: input.name,
      description: input.description ?? "",
      createdAt: now,
      updatedAt: now,
    })
    .returning();

  return c.json(toProject({ ...(row as NonNullable<typeof row>), clipCount: 0, groupCount: 0 }), 201);
};
