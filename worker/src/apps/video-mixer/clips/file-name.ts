const MAX_FILE_NAME_LENGTH = 200;

// C0 and C1 control characters, and the bidirectional overrides that can disguise an extension
// ("clip\u202E4pm.exe" displays as "clipexe.mp4").
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Turns a client-supplied file name into one safe to display: no directories, no control or
 * direction characters, at most 200 code points. It is stored for display only and never used
 * in an object key.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(UNSAFE_CHARACTERS, "").trim();
  const limited = [...cleaned].slice(0, MAX_FILE_NAME_LENGTH).join("").trim();
  return limited === "" || limited === "." || limited === ".." ? "clip" : limited;
}
