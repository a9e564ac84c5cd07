// Opaque cursors for keyset pagination on (timestamp, id): base64url JSON of the last row's
// timestamp (microsecond precision, as Postgres stores it) and id. Pure: no I/O.
import { z } from "zod";

/** A UTC timestamp with up to microseconds: 2026-09-01T17:04:05.123456Z. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const cursorSchema = z.object({
  k: z.string().min(1),
  t: z
    .string()
    .regex(TIMESTAMP)
    .refine((value) => !Number.isNaN(Date.parse(value))),
  id: z.uuid(),
});
export type Cursor = { kind: string; at: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ k: cursor.kind, t: cursor.at, id: cursor.id }), "utf8").toString("base64url");
}

/** The cursor, or null when the text is not one of ours for this kind of list. */
export function decodeCursor(text: string, kind: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.k !== kind) return null;
  return { kind: parsed.data.k, at: parsed.data.t, id: parsed.data.id };
}
