// What to log about an unexpected failure in settings, sign-up or invitations. Drizzle's query
// errors carry the statement's parameters in their message, and here those are secrets, password
// hashes and token hashes: log the error's kind and database code, never its message.
/** A Node or database error's string `code` (`ECONNREFUSED`, `23505`…), if it has one. */
export const codeOf = (e: unknown): string | null => (e && typeof e === "object" && "code" in e && typeof e.code === "string" ? e.code : null);

export function safeErrorSummary(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = codeOf(error) ?? codeOf(error.cause);
  const causeName = error.cause instanceof Error ? error.cause.name : null;
  return [error.name, causeName, code ? `code ${code}` : null].filter(Boolean).join(" / ");
}
