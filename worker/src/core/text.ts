import { z } from "zod";

// Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional marks,
// overrides and isolates, which can make a name render as something else ("\u202Egpj.exe" shows
// as "exe.jpg"). Lone UTF-16 surrogates cannot be stored as text at all.
const UNSAFE_CHARACTERS =
  /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

// A name must show something: a letter, digit, symbol or punctuation mark, not only invisible characters.
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{S}\p{P}]/u;

/**
 * Builds the schema for a trimmed single-line text that people see (names, titles): at most `max` characters and no
 * control or direction-override characters. Tabs and newlines count as control characters here.
 */
export function displayText(options: { max: number; required?: string }) {
  const base = z.string().trim();
  const sized = (options.required ? base.min(1, options.required) : base).max(
    options.max,
    `Use at most ${options.max} characters`,
  );
  return sized
    .refine((value) => !UNSAFE_CHARACTERS.test(value), { message: "Remove control or text-direction characters" })
    .refine((value) => value === "" || VISIBLE_CHARACTER.test(value), {
      message: "Use at least one visible character",
    });
}

/** Multi-line text that people see (descriptions, reasons): like `displayText`, but keeps newlines and tabs. */
export function displayParagraph(options: { max: number; required?: string }) {
  const base = z.string().trim();
  const sized = (options.required ? base.min(1, options.required) : base).max(
    options.max,
    `Use at most ${options.max} characters`,
  );
  return sized.refine((value) => !UNSAFE_CHARACTERS.test(value.replace(/[\n\t]/g, "")), {
    message: "Remove control or text-direction characters",
  });
}
