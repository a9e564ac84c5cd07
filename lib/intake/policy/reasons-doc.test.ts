// docs/decisions.md "The rules and their reasons" shows the one table of reasons.ts: every code,
// the words the desk sees, and whether a callback opens. A reason added to the code but not to the
// docs (or reworded in one place only) fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { callbackFor, REASONS, type ReasonCode, type ReasonRow } from "./reasons";

const DOC = readFileSync(path.resolve(__dirname, "../../../docs/decisions.md"), "utf8");

/** The rows of the first table under the section heading, by code (first column, in backticks). */
function docTable(): Map<string, string[]> {
  const start = DOC.indexOf("\n## The rules and their reasons\n");
  expect(start, 'docs/decisions.md has no section "The rules and their reasons"').toBeGreaterThanOrEqual(0);
  const end = DOC.indexOf("\n## ", start + 1);
  const section = DOC.slice(start, end === -1 ? undefined : end);
  const rows = new Map<string, string[]>();
  for (const line of section.split("\n")) {
    const cells = line.startsWith("|")
      ? line
          .split("|")
          .slice(1, -1)
          .map((c) => c.trim())
      : [];
    const code = /^`([a-z_]+)`$/.exec(cells[0] ?? "")?.[1];
    if (code) rows.set(code, cells);
  }
  return rows;
}

describe("docs/decisions.md: the rules and their reasons", () => {
  const rows = docTable();
  const codes = Object.keys(REASONS) as ReasonCode[];

  it("has a row for every reason in reasons.ts, and none that is not there", () => {
    expect(codes.filter((code) => !rows.has(code))).toEqual([]);
    expect([...rows.keys()].filter((code) => !Object.hasOwn(REASONS, code))).toEqual([]);
  });

  it.each(codes)("`%s`: the words the desk sees and the callback, as the code has them", (code) => {
    const [, sees = "", , callback = ""] = rows.get(code) ?? [];
    const row: ReasonRow = REASONS[code];
    for (const sentence of [row.skipped, row.cancelled, row.rescheduled, row.typedRefused]) if (sentence) expect(sees).toContain(sentence);
    const opens = callbackFor(code);
    if (opens) expect(callback).toContain(opens.reason);
    else expect(callback).toBe("no");
  });
});
