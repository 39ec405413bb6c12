import { createRoute, type RouteHandler, z } from "@hono/zod-openapi";
import { and, asc, gt, or } from "drizzle-orm";
import type { AppEnv } from "../../core/context";
import { decodeCursor, toPage } from "../../core/pagination";
import { getDb, schema } from "../../db/client";
import { COOKIE_AUTH, errorResponses, jsonContent, pageSchema } from "../../openapi/schemas";
import { adminUserSchema, userSearchSchema } from "../schemas";
import { likeText } from "../search";
import { toAdminUserView } from "../views";

const users = schema.users;

export const listAdminUsersRoute = createRoute({
  method: "get",
  path: "/users",
  tags: ["Admin"],
  summary: "Users by email, with a search over email and name",
  security: COOKIE_AUTH,
  request: { query: userSearchSchema },
  responses: {
    200: jsonContent(pageSchema(adminUserSchema, "AdminUserPage"), "One page of users"),
    ...errorResponses(400, 401, 403),
  },
});

export const listAdminUsers: RouteHandler<typeof listAdminUsersRoute, AppEnv> = async (c) => {
  const { cursor, limit, q } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, z.tuple([z.string()])) : undefined;

  const rows = await getDb(c.env.DB)
    .select()
    .from(users)
    .where(
      and(
        q ? or(likeText(users.email, q, "contains"), likeText(users.name, q, "contains")) : undefined,
        after ? gt(users.email, after[0]) : undefined,
      ),
    )
    .orderBy(asc(users.email))
    .limit(limit + 1);

  return c.json(
    toPage(rows, limit, toAdminUserView, (row) => [row.email]),
    200,
  );
};
