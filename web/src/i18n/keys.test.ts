import { describe, expect, it } from "vitest";
import en from "./en.json";
import id from "./id.json";

// Plural forms differ by language (Indonesian has only "other"), so compare keys without them.
function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix.replace(/_(zero|one|two|few|many|other)$/, "")];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  it("have the same keys in Indonesian and English", () => {
    const idKeys = new Set(keysOf(id));
    const enKeys = new Set(keysOf(en));

    expect([...idKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !idKeys.has(key))).toEqual([]);
  });
});
