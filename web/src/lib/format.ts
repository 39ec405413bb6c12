/**
 * Number, money, size and time formatting for the current UI language. Indonesian uses a dot for
 * thousands and a comma for decimals. Rupiah are always formatted with the id-ID locale.
 */

const rupiah = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

/** Formats an amount of rupiah, e.g. 150000 → "Rp 150.000" (the space is a no-break space). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount);
}

export type Language = "id" | "en";

function locale(language: Language): string {
  return language === "en" ? "en-US" : "id-ID";
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits }).format(value);
}

const BYTE_UNITS = ["B", "KB", "MB", "GB"] as const;

/** Formats a byte count with 1024-based units, e.g. 1536 → "1,5 KB" in Indonesian. */
export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, language, unit === 0 ? 0 : 1)} ${BYTE_UNITS[unit]}`;
}

/** Formats seconds as m:ss or h:mm:ss, e.g. 75.4 → "1:15". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "medium", timeStyle: "short" }).format(date);
}
