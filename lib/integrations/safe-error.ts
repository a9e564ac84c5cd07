// A failure's code, for deciding what to do about it without reading its message (which, for a
// failed query, carries the statement's parameters). Logging goes through lib/log.ts.
/** A Node or database error's string `code` (`ECONNREFUSED`, `23505`…), if it has one. */
export const codeOf = (e: unknown): string | null => (e && typeof e === "object" && "code" in e && typeof e.code === "string" ? e.code : null);
