// CHECK constraints that hold a text column to a closed set of the domain (event types, intents,
// lead statuses), built from the same `as const` array that types the column, so the TypeScript
// set and the database's set are one list.
//
// Why a CHECK on text rather than a Postgres enum (the older sets in ./enums.ts are enums):
// - these sets grow with the product (a new kind of event is common). Widening a CHECK is a drop and
//   an add in one transaction; `ALTER TYPE … ADD VALUE` cannot be used by the same transaction that
//   adds it (drizzle applies all pending migrations in one), and an enum value can never be removed
//   or renamed without recreating the type and rewriting every row;
// - the columns stay text: raw SQL that writes them (db/queries/outbox.ts inserts `text_canceled`
//   events), parameters, indexes and exports need no casts and do not change.
import { sql } from "drizzle-orm";
import { check } from "drizzle-orm/pg-core";

/** `"<column>" in ('a', 'b', …)`: values are inlined (a constraint has no parameters); NULL passes, as for any CHECK. */
export function oneOf(name: string, column: string, values: readonly string[]) {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", ");
  return check(name, sql.raw(`"${column}" in (${list})`));
}
