import { errors, jwtVerify, SignJWT } from "jose";
import { ACCESS_TOKEN_TTL_SECONDS } from "./cookies";

const ISSUER = "lumiku-api";
const AUDIENCE = "lumiku-web";

export type AccessTokenCheck =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "expired" | "invalid" };

const encoder = new TextEncoder();

/** Signs a short-lived access token that names the user and the session row it belongs to. */
export async function signAccessToken(secret: string, userId: string, sessionId: string): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setJti(crypto.randomUUID())
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(encoder.encode(secret));
}

/**
 * Verifies an access token. The algorithm is pinned to HS256, so a token whose header names
 * another one (HS512, RS256, `none`) fails before its claims are read. `expired` is reported only
 * for a token whose signature is valid, because jose checks the signature before the claims.
 */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["sub", "sid", "exp"],
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") return { ok: false, reason: "invalid" };
    return { ok: true, userId: payload.sub, sessionId: payload.sid };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
