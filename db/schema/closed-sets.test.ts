// The closed sets of text columns are one list each: what TypeScript allows (EVENT_TYPES, INTENTS,
// LEAD_STATUSES) is exactly what the migrations' CHECK constraints allow. A value added to a list
// without `npx drizzle-kit generate` (or a migration that changed a CHECK by hand and missed the list)
// fails here. Read from the migration files, in the journal's order, so it needs no database;
// tests/integration/closed-sets.test.ts reads the same constraints back from a migrated Postgres.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/db/client";
import { EVENT_TYPES, INTENTS, LEAD_STATUSES } from "@/db/schema";

const SETS = [
  { column: "events.type", constraint: "events_type_check", values: EVENT_TYPES },
  { column: "conversations.intent", constraint: "conversations_intent_check", values: INTENTS },
  { column: "contacts.lead_status", constraint: "contacts_lead_status_check", values: LEAD_STATUSES },
];

/** Every CHECK constraint the migrations leave in place, with the quoted values it lists. */
function checksAfterMigrations(): Map<string, string[]> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const checks = new Map<string, string[]>();
  for (const { tag } of journal.entries) {
    const text = readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), "utf8");
    for (const { groups } of text.matchAll(/DROP CONSTRAINT(?: IF EXISTS)? "(?<dropped>[a-z_]+)"|ADD CONSTRAINT "(?<added>[a-z_]+)" CHECK \((?<body>.*)\);/g)) {
      if (groups?.dropped) checks.delete(groups.dropped);
      if (groups?.added)
        checks.set(
          groups.added,
          [...(groups.body ?? "").matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'")),
        );
    }
  }
  return checks;
}

describe("closed sets", () => {
  const checks = checksAfterMigrations();

  it.each(SETS)("$column: the migrations' CHECK allows exactly the TypeScript set", ({ constraint, values }) => {
    expect(checks.get(constraint), `no migration adds a CHECK named ${constraint}`).toBeDefined();
    expect([...checks.get(constraint)!].sort()).toEqual([...values].sort());
  });

  it.each(SETS)("$column: the set has no duplicates and only snake_case words", ({ values }) => {
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  // The docs that spell a set out list it whole, in the list's order.
  it.each([
    { file: "docs/api.md", after: "as Rebound read it:", until: "or `null`", values: INTENTS },
    { file: "docs/decisions.md", after: "These intents (", until: ")", values: INTENTS },
    { file: "docs/decisions.md", after: "lead statuses (", until: ")", values: LEAD_STATUSES },
  ])("$file: the list after $after is the set, whole and in order", ({ file, after, until, values }) => {
    const text = readFileSync(path.resolve(MIGRATIONS_DIR, "../..", file), "utf8");
    const start = text.indexOf(after);
    expect(start, `${file} no longer says “${after}”`).toBeGreaterThanOrEqual(0);
    const list = text.slice(start + after.length, text.indexOf(until, start + after.length));
    expect([...list.matchAll(/`([a-z_]+)`/g)].map((m) => m[1])).toEqual([...values]);
  });
});
