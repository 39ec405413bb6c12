import { z } from "zod";
import { AppError } from "./errors";

export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Encodes the sort key of the last row shown; the client passes it back unchanged. */
export function encodeCursor(values: (string | number)[]): string {
  return btoa(JSON.stringify(values)).replace(/=+$/, "");
}

export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: z.ZodType<T>): T {
  try {
    return shape.parse(JSON.parse(atob(cursor)));
  } catch {
    throw new AppError("invalid_request", "The cursor is invalid; start again from the first page");
  }
}

/** Builds a page from `limit + 1` fetched rows: the extra row only shows whether more exist. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => (string | number)[],
): Page<Item> {
  const visible = rows.slice(0, limit);
  const last = visible[visible.length - 1];
  return {
    items: visible.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
  };
}
