// Server-side error logging that never prints secrets. Drizzle's query errors carry every bound
// parameter in their message (password hashes, token hashes, webhook secrets, message bodies), and
// Postgres' own messages and details quote the offending values; a raw `console.error(error)`
// prints all of that, cause chain included. Here an error becomes a one-line summary: its kind,
// the SQL text without its parameters, the database code and constraint, our own AppError messages,
// the stack frames of a programming error, and anything that looks like a secret masked.
const MAX_CAUSES = 3;
const STACK_FRAMES = 6;

/** Environment values that must never appear in a log line, whatever printed them. */
const SECRET_ENV = ["AUTH_SECRET", "TWILIO_AUTH_TOKEN", "OPENPHONE_WEBHOOK_SECRET", "AIRCALL_WEBHOOK_TOKEN", "GENERIC_WEBHOOK_SECRET"];

/**
 * Shapes of secrets Rebound itself makes or stores, masked even when their value is unknown here:
 * - read-API tokens: `rb_` + 43 base64url characters (lib/api/tokens.ts);
 * - invitation tokens: 43 base64url characters with no prefix, so masked where they travel, in an
 *   `/invite/<token>` link (lib/team/tokens.ts);
 * - webhook secrets: `whsec_` + base64 (Quo, CRM), or 48 hex characters (generic; Aircall tokens
 *   are hex too), and SHA-256 token hashes (64 hex): any run of 32 or more hex digits standing on its
 *   own. Twilio SIDs (`CA` + 32 hex) stay readable: their hex follows a letter;
 * - password hashes (argon2id PHC strings, older scrypt ones), a password in a postgres:// URL,
 *   Bearer / Basic credentials.
 * Session ids are uuids, like every row id: they are not masked. On its own a session id opens
 * nothing: it only counts inside a session cookie sealed with AUTH_SECRET.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/whsec_[A-Za-z0-9+/=]+/g, "whsec_[redacted]"],
  [/scrypt\$[^\s"',)]+/g, "scrypt$[redacted]"],
  // A PHC string has commas inside (m=…,t=…,p=…): stop only at what cannot be part of one.
  [/\$argon2(id|i|d)\$[A-Za-z0-9+/=,$]+/g, "$argon2$1$[redacted]"],
  [/(?<![A-Za-z0-9])rb_[A-Za-z0-9_-]{16,}/g, "rb_[redacted]"],
  [/(\/invite\/)[A-Za-z0-9_-]{20,}/g, "$1[redacted]"],
  [/(?<![A-Za-z0-9])[0-9a-f]{32,}(?![A-Za-z0-9])/g, "[redacted hex]"],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, "$1[redacted]@"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
];

/** Masks known secret values and secret-shaped strings. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const name of SECRET_ENV) {
    const value = process.env[name]?.trim();
    if (value && value.length >= 8) out = out.split(value).join("[redacted]");
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

type QueryError = Error & { query: string; params: unknown[] };
type DatabaseError = Error & { code: string; severity?: string; constraint_name?: string; table_name?: string; column_name?: string };

const isQueryError = (error: Error): error is QueryError => "query" in error && "params" in error && typeof error.query === "string";
const isDatabaseError = (error: Error): error is DatabaseError =>
  "code" in error && typeof error.code === "string" && ("severity" in error || error.name === "PostgresError" || error.constructor.name === "PostgresError");

function stackFrames(error: Error): string {
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, STACK_FRAMES);
  return frames.length ? `\n${frames.join("\n")}` : "";
}

function describeOne(error: Error): string {
  // By name, not instanceof: lib/errors.ts logs through this file.
  if (error.name === "AppError" && "code" in error) return `AppError ${String(error.code)}: ${error.message}`;
  if (isQueryError(error)) return `Failed query (parameters withheld): ${error.query.replace(/\s+/g, " ").slice(0, 500)}`;
  if (isDatabaseError(error)) {
    // The message quotes values (`invalid input syntax for type uuid: "…"`); keep its shape only.
    const where = [
      error.table_name && `table ${error.table_name}`,
      error.column_name && `column ${error.column_name}`,
      error.constraint_name && `constraint ${error.constraint_name}`,
    ];
    const message = error.message.replace(/"[^"]*"/g, '"…"').replace(/\([^)]*\)=\([^)]*\)/g, "(…)=(…)");
    return [`${error.name} ${error.code}: ${message}`, ...where.filter(Boolean)].join(", ");
  }
  return `${error.name}: ${error.message}${stackFrames(error)}`;
}

/** The error inside a cause: an Error, or Auth.js' `{ err, provider }` wrapper. */
function causeOf(error: Error): unknown {
  const cause = error.cause;
  if (cause && typeof cause === "object" && !(cause instanceof Error) && "err" in cause && cause.err instanceof Error) return cause.err;
  return cause;
}

/** A one-line (plus stack frames) summary of anything thrown, safe to log. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? "null" : typeof error} (not an Error)`;
  const parts = [describeOne(error)];
  let cause = causeOf(error);
  for (let depth = 0; depth < MAX_CAUSES && cause !== undefined && cause !== null; depth += 1) {
    parts.push(`caused by ${cause instanceof Error ? describeOne(cause) : `a thrown ${typeof cause}`}`);
    cause = cause instanceof Error ? causeOf(cause) : undefined;
  }
  return redactSecrets(parts.join("\n  ← "));
}

/** `[context] what went wrong` on stderr, through describeError. */
export function logError(context: string, error: unknown, what = "failed"): void {
  console.error(`[${context}] ${what}: ${describeError(error)}`);
}
