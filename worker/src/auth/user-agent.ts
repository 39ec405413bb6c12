import UAParser from "ua-parser-js";

export interface ClientDescription {
  browser: string | null;
  os: string | null;
  /** `mobile`, `tablet`, `smarttv`, … or null, which ua-parser-js reports for desktops. */
  deviceType: string | null;
}

function label(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  const major = version?.split(".")[0];
  return major ? `${name} ${major}` : name;
}

/**
 * Describes a stored User-Agent for the sessions page, e.g. "Chrome 126" on "Android 14".
 * ua-parser-js is pinned to 1.0.x because 2.x is AGPL-licensed.
 */
export function describeUserAgent(userAgent: string | null): ClientDescription {
  if (!userAgent) return { browser: null, os: null, deviceType: null };
  const result = UAParser(userAgent);
  return {
    browser: label(result.browser.name, result.browser.version),
    os: label(result.os.name, result.os.version),
    deviceType: result.device.type ?? null,
  };
}
