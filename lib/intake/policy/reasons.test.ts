// The one table of reasons (reasons.ts): every reason a rule gives is in it with a sentence for the
// desk, and the lists the screens use are exactly the table's rows. The rules are read as source so
// a reason added to a rule but not to the table fails here, not only in the type checker.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REFUSAL_REASONS } from "@/lib/security/refusal";
import {
  callbackFor,
  CANCEL_REASON_TEXT,
  MANUAL_REFUSAL_TEXT,
  REASONS,
  REFUSED_CANCEL_REASONS,
  RESCHEDULE_REASON_TEXT,
  SKIP_REASON_TEXT,
  type ReasonCode,
  type ReasonRow,
} from "./reasons";

const ROOT = path.resolve(__dirname, "../../..");
const source = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The reason codes a rule hands out: `reason: "x"` and, inside the named functions, `return "x"`. */
function reasonsIn(file: string, returningFunctions: string[] = []): string[] {
  const text = source(file);
  const found = [...text.matchAll(/reason: "([a-z_]+)"/g)].map((m) => m[1]!);
  for (const name of returningFunctions) {
    const start = text.indexOf(`function ${name}(`);
    expect(start, `${file} has no function ${name}`).toBeGreaterThanOrEqual(0);
    const body = text.slice(start, text.indexOf("\n}\n", start));
    found.push(...[...body.matchAll(/return "([a-z_]+)"/g)].map((m) => m[1]!));
  }
  return found;
}

/** Every product source file outside this folder (the I/O code that carries the rules out). */
function productSources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return rel === "lib/intake/policy" ? [] : productSources(rel);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** The reasons the I/O code cancels waiting texts with when something makes them unwanted. */
function cancellingEventsIn(file: string): string[] {
  return [...source(file).matchAll(/(?:cancelScheduledFor|cancelTextsFromNumber)\([^;]*?reason: "([a-z_]+)"/g)].map((m) => m[1]!);
}

const RULES: [string, string[]][] = [
  ["lib/intake/policy/decide.ts", ["skipReason"]],
  ["lib/intake/policy/send-guard.ts", ["manualRefusal"]],
  ["lib/intake/policy/inbound-text.ts", []],
];
const CANCELLING = ["lib", "app", "db"].flatMap(productSources);

describe("the reasons table", () => {
  it("holds every reason the rules give, each with a sentence for the desk", () => {
    const used = new Set([...RULES.flatMap(([file, fns]) => reasonsIn(file, fns)), ...CANCELLING.flatMap(cancellingEventsIn)]);
    // The line-type rule hands out the line type itself.
    used.add("landline").add("toll_free");
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) {
      expect(Object.hasOwn(REASONS, code), `${code} is not in reasons.ts`).toBe(true);
      const row: ReasonRow = REASONS[code as ReasonCode];
      const sentences = [row.skipped, row.cancelled, row.rescheduled, row.typedRefused].filter((s) => s !== undefined);
      expect(sentences.length, code).toBeGreaterThan(0);
      for (const sentence of sentences) expect(sentence.trim(), code).not.toBe("");
    }
  });

  it("every row says something to the desk, and every sentence ends like one", () => {
    for (const [code, row] of Object.entries(REASONS) as [ReasonCode, ReasonRow][]) {
      const sentences = [row.skipped, row.cancelled, row.rescheduled, row.typedRefused].filter((s) => s !== undefined);
      expect(sentences.length, code).toBeGreaterThan(0);
      for (const sentence of sentences) expect(sentence, code).toMatch(/^\S.*[.]$/);
    }
  });

  it("derives each list the screens use from the table, with no other entries", () => {
    const codesWith = (field: keyof ReasonRow) => (Object.keys(REASONS) as ReasonCode[]).filter((code) => (REASONS[code] as ReasonRow)[field] !== undefined).sort();
    expect(Object.keys(SKIP_REASON_TEXT).sort()).toEqual(codesWith("skipped"));
    expect(Object.keys(CANCEL_REASON_TEXT).sort()).toEqual(codesWith("cancelled"));
    expect(Object.keys(RESCHEDULE_REASON_TEXT).sort()).toEqual(codesWith("rescheduled"));
    expect(Object.keys(MANUAL_REFUSAL_TEXT).sort()).toEqual(codesWith("typedRefused"));
    expect([...REFUSED_CANCEL_REASONS].sort()).toEqual(codesWith("refused"));
  });

  it("a platform refusal is also a refusal the owner's log knows, and is a cancel reason", () => {
    for (const code of REFUSED_CANCEL_REASONS) {
      expect(REFUSAL_REASONS).toContain(code);
      expect(CANCEL_REASON_TEXT[code]).toMatch(/^Not sent: /);
    }
    for (const code of Object.keys(MANUAL_REFUSAL_TEXT)) expect(REFUSAL_REASONS).toContain(code);
  });

  it("only the numbers that cannot be texted (the caller's or ours), a location not set up and a call nobody knows was answered open a callback instead", () => {
    const opening = (Object.keys(REASONS) as ReasonCode[]).filter((code) => callbackFor(code) !== null).sort();
    expect(opening).toEqual(["landline", "legs_unknown", "location_not_set_up", "number_cannot_text", "number_not_registered", "number_unproven", "toll_free"]);
    expect(callbackFor("legs_unknown")?.when).toBe("now");
    // Our number cannot send: nobody else will reach the caller, so the callback is due at once.
    for (const code of ["number_cannot_text", "number_not_registered", "number_unproven"] as const) expect(callbackFor(code)?.when).toBe("now");
    expect(callbackFor("landline")).toEqual({ when: "next_opening", reason: "Missed call from a landline: call back" });
    expect(callbackFor("toll_free")).toEqual({ when: "next_opening", reason: "Missed call from a toll-free number: call back" });
    expect(callbackFor("location_not_set_up")?.when).toBe("now");
  });

  it("keeps the words the desk already knows", () => {
    expect(SKIP_REASON_TEXT.opted_out).toBe("The caller has opted out of texts (replied STOP).");
    expect(CANCEL_REASON_TEXT.replied).toBe("Follow-up cancelled: the caller replied.");
    expect(CANCEL_REASON_TEXT.landline).toBe("Not sent: the number is a landline. A callback task was created instead.");
    expect(RESCHEDULE_REASON_TEXT.number_rate_limited).toBe("Waiting: this number is sending its most texts per minute. The text goes out as soon as the minute allows.");
    expect(MANUAL_REFUSAL_TEXT.recipient_never_contacted).toBe("You can only text people who called or texted you first. Call this person instead.");
  });
});
