import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../core/context";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A session ends after this long without a refresh; each refresh starts the period again. */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * With `secureCookies` the names carry the `__Host-` prefix, which makes browsers require
 * `Secure`, `Path=/` and no `Domain`, so no sibling subdomain can set or shadow them. Plain-http
 * development uses bare names, because the prefix needs `Secure` and Chromium drops `Secure`
 * cookies on http://127.0.0.1.
 */
function cookieName(c: AppContext, base: string): string {
  return c.get("config").secureCookies ? `__Host-${base}` : base;
}

export const accessCookieName = (c: AppContext) => cookieName(c, "lumiku_access");
export const refreshCookieName = (c: AppContext) => cookieName(c, "lumiku_refresh");

function baseOptions(c: AppContext) {
  return { httpOnly: true, secure: c.get("config").secureCookies, path: "/" } as const;
}

/** Sets the access cookie (Lax, so links into the API keep working) and the refresh cookie (Strict). */
export function setSessionCookies(c: AppContext, tokens: { accessToken: string; refreshToken: string }): void {
  setCookie(c, accessCookieName(c), tokens.accessToken, {
    ...baseOptions(c),
    sameSite: "Lax",
    maxAge: ACCESS_TOKEN_TTL_SECONDS,
  });
  setCookie(c, refreshCookieName(c), tokens.refreshToken, {
    ...baseOptions(c),
    sameSite: "Strict",
    maxAge: SESSION_TTL_SECONDS,
  });
}

/** Expires both cookies with the attributes they were set with; browsers ignore a mismatched delete. */
export function clearSessionCookies(c: AppContext): void {
  deleteCookie(c, accessCookieName(c), { ...baseOptions(c), sameSite: "Lax" });
  deleteCookie(c, refreshCookieName(c), { ...baseOptions(c), sameSite: "Strict" });
}

export const readAccessCookie = (c: AppContext) => getCookie(c, accessCookieName(c));
export const readRefreshCookie = (c: AppContext) => getCookie(c, refreshCookieName(c));
