import { z } from "zod";

// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates, which can make
// a name render as something else (e.g. "\u202Egpj.exe" shows as "exe.jpg").
const UNSAFE_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * A trimmed single-line text that people see (names, titles): at most `max` characters and no
 * control or direction-override characters. Tabs and newlines count as control characters here.
 */
export function displayText(options: { max: number; required?: string }) {
  const base = z.string().trim();
  const sized = (options.required ? base.min(1, options.required) : base).max(
    options.max,
    `Use at most ${options.max} characters`,
  );
  return sized.refine((value) => !UNSAFE_CHARACTERS.test(value), {
    message: "Remove control or text-direction characters",
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
