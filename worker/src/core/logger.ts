type Level = "debug" | "info" | "warn" | "error";

// Field names whose values are never logged, at any depth.
const SECRET_KEY =
  /pass(word|wd)?|secret|token|cookie|authorization|signature|^sig$|api[-_]?key|private[-_]?key|credential|jwt|hash/i;
const REDACTED = "[redacted]";

// Secrets that hide inside free text, such as error messages, URLs and copied headers. Each
// pattern keeps the label and replaces only the value, so the line still shows what was there.
const TEXT_PATTERNS: [RegExp, string][] = [
  // A whole header line: `Cookie: a=1; b=2` or `Authorization: Bearer x`.
  [/\b((?:set-)?cookie|(?:proxy-)?authorization)(\s*[:=]\s*)[^\r\n]+/gi, `$1$2${REDACTED}`],
  // `Bearer <token>` and `Basic <credentials>` wherever they appear.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]+=*/g, `$1 ${REDACTED}`],
  // Anything shaped like a JWT.
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // `key=value`, `key: value` and `"key":"value"` where the key names a secret, e.g. a query string.
  [
    /(["']?)\b([\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|signature|jwt|lumiku_access|lumiku_refresh)[\w.-]*|sig)\1(\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s&;,"'}]+)/gi,
    `$1$2$1$3${REDACTED}`,
  ],
];

/** Replaces secrets found in free text, keeping the words around them. */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** Copies `value` with every secret-named field and every secret inside a string replaced by a marker. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;

  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
    };
  }

  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));

  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redact(field, depth + 1);
  }
  return copy;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Writes one JSON object per line; Workers Logs and `wrangler tail` index the fields. */
export function createLogger(base: Record<string, unknown> = {}): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    const entry = redact({ time: new Date().toISOString(), level, message, ...base, ...fields });
    const line = JSON.stringify(entry);
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };

  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const logger = createLogger({ service: "lumiku-api" });
