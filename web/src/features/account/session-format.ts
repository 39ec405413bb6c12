import type { Language } from "../../lib/format";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 60 * 60],
  ["month", 30 * 24 * 60 * 60],
  ["week", 7 * 24 * 60 * 60],
  ["day", 24 * 60 * 60],
  ["hour", 60 * 60],
  ["minute", 60],
];

function locale(language: Language): string {
  return language === "en" ? "en-US" : "id-ID";
}

/**
 * Formats how long ago `iso` was, e.g. "5 menit yang lalu" or "yesterday". Anything under a
 * minute reads as "now". Months are counted as 30 days, which is close enough for "last seen".
 */
export function formatRelativeTime(iso: string, language: Language, now = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;

  const format = new Intl.RelativeTimeFormat(locale(language), { numeric: "auto" });
  const seconds = Math.round((time - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}

/** Names a place as "City, Country", with the country code spelled out in the UI language. */
export function formatPlace(place: { country: string | null; city: string | null } | null, language: Language) {
  if (!place) return null;
  let country = place.country;
  if (country) {
    try {
      country = new Intl.DisplayNames([locale(language)], { type: "region" }).of(country) ?? country;
    } catch {
      // Cloudflare reports "T1" for Tor exits, which Intl rejects as a region code.
    }
  }
  return [place.city, country].filter(Boolean).join(", ") || null;
}
