import { type AnyColumn, type SQL, sql } from "drizzle-orm";

// LIKE treats % and _ as wildcards; a search for them must match them literally.
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** `column LIKE pattern` for a user's search text, which is matched literally; ASCII case is ignored. */
export function likeText(column: AnyColumn, text: string, position: "prefix" | "contains"): SQL {
  const escaped = escapeLike(text);
  const pattern = position === "prefix" ? `${escaped}%` : `%${escaped}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}
