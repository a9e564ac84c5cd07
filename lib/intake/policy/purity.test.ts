// The policy folder is pure (docs/decisions.md): no database, no network, no environment, no clock
// of its own. Inputs come in as arguments, so every rule runs in a unit test with a fixed clock.
// Read as source: a value import of the database, the environment or a client fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Modules whose values a rule may not import (types are fine: they vanish at build time). */
const IMPURE = [
  /^@\/db\/client$/,
  /^@\/db\/queries\//,
  /^@\/lib\/env$/,
  /^@\/lib\/log$/,
  /^node:/,
  /^twilio/,
  /^postgres/,
  /^drizzle-orm/,
  /^@\/lib\/messaging\/(outbox|pre-send|twilio-client|line-type)$/,
];
const FORBIDDEN_CALLS = [/process\.env/, /\bfetch\(/, /new Date\(\)/, /Date\.now\(\)/, /Math\.random/];

describe("lib/intake/policy is pure", () => {
  const files = sources(DIR);

  it("has its rules here", () => {
    const names = files.map((f) => path.relative(DIR, f));
    for (const rule of ["decide.ts", "send-guard.ts", "reply-routing.ts", "undeliverable.ts", "reasons.ts", "inbound-text.ts", "line-types.ts", "callback-due.ts"])
      expect(names).toContain(rule);
  });

  it.each(files.map((f) => [path.relative(DIR, f), f]))("%s imports no database, environment or client, and reads no clock", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const valueImports = [...text.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gms)].map((m) => m[1]!);
    expect(valueImports.filter((from) => IMPURE.some((re) => re.test(from)))).toEqual([]);
    expect(FORBIDDEN_CALLS.filter((re) => re.test(text)).map(String)).toEqual([]);
  });
});
