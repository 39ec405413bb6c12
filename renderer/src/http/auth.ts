import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Builds a check for `Authorization: Bearer <secret>`. Both sides are hashed first so that the
 * constant-time compare also hides the secret's length.
 */
export function bearerAuth(secret: string): (header: string | undefined) => boolean {
  const expected = createHash("sha256").update(secret).digest();

  return (header) => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
    if (!match?.[1]) return false;
    const presented = createHash("sha256").update(match[1]).digest();
    return timingSafeEqual(presented, expected);
  };
}
