// fast-check arbitraries shared by the property tests of the provider parsers: near-valid payloads
// made by mutating a real one (fields deleted, replaced by odd strings, numbers, nulls, nested
// junk), and what a parsed CallEvent must look like for the database to store it.
import fc from "fast-check";
import { expect } from "vitest";
import { toE164 } from "@/lib/phone";
import { EARLIEST_CALL, LATEST_CALL, type CallEvent } from "./call-event";

/** Values real senders have been seen to put in the wrong field, and some no sender should. */
const ODD_STRINGS = [
  "",
  " ",
  "anonymous",
  "Restricted",
  "client:alice",
  "null",
  "undefined",
  "true",
  "0",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "+",
  "+1",
  "+1310555010",
  "+13105550100",
  "+1 (310) 555-0199",
  "13105550111",
  "3105550111",
  "+442071838750",
  "+999999999999999",
  "9".repeat(40),
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "http://",
  "https://example.com/vm.mp3",
  "ftp://x",
  "2026-13-45T25:61:00Z",
  "-271821-04-20T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "1970-01-01T00:00:00Z",
  "CA" + "0".repeat(32),
  "SM" + "f".repeat(32),
  "call.missed",
  "call.ended",
  "call.completed",
  "inbound",
  "incoming",
  "outgoing",
  "no-answer",
  "completed",
  "hangup",
  "short_abandoned",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udc00x",
  "💆‍♀️",
  "Ω≈ç√",
  "a".repeat(3000),
];

const surrogateUnit = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: "binary" }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom("a", "0", "\u0000"), surrogateUnit) }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(..."0123456789+-() ") }) },
  { weight: 2, arbitrary: fc.stringMatching(/^\+1[2-9]\d{2}[2-9]\d{6}$/) },
);

const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 9, 10, 59, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e20, -1e20, 1.5, 8_640_000_000_000, 8_640_000_000_001),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Anything JSON can carry, weighted towards what breaks parsers. */
export const jsonReplacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 3, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(oddString, oddString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

export const DELETE = Symbol("delete");
type Path = (string | number)[];

/** Every path into a JSON value (objects and arrays included, the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
}

function setAt(root: unknown, path: Path, replacement: unknown): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return;
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path[path.length - 1];
  if (typeof node !== "object" || node === null || last === undefined) return;
  // Only what JSON.parse could produce: array indexes (never `length`), own properties (never a prototype).
  if (Array.isArray(node) && !(typeof last === "number" && last < 100)) return;
  if (replacement === DELETE) delete (node as Record<string | number, unknown>)[last];
  else Object.defineProperty(node, last, { value: replacement, enumerable: true, writable: true, configurable: true });
}

/** The value as it would come out of JSON.parse on the wire (NaN → null, -0 → 0, undefined gone). */
export const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? "null");

/**
 * `base` with one to four of its fields (at any depth) deleted or replaced, or a new field added
 * next to one; the result is what JSON.parse would give for it.
 */
export function mutatedJson(base: object): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const operation = fc.record({
    path: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...paths) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom<Path>([], ...paths), oddString).map(([at, key]) => [...at, key]) },
    ),
    value: fc.oneof({ weight: 1, arbitrary: fc.constant<unknown>(DELETE) }, { weight: 4, arbitrary: jsonReplacement }),
  });
  return fc.array(operation, { minLength: 1, maxLength: 4 }).map((operations) => {
    const copy = structuredClone(base);
    for (const { path, value } of operations) setAt(copy, path, value);
    return viaJson(copy);
  });
}

/** A JSON body: mostly mutations of the real payloads, some arbitrary JSON. */
export function jsonBody(bases: object[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.jsonValue().map(viaJson) }, { weight: 6, arbitrary: fc.constantFrom(...bases).chain(mutatedJson) });
}

/** Twilio form params after the form round trip: fields deleted, replaced with odd strings, added. */
export function mutatedParams(base: Readonly<Record<string, string>>): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(base);
  const operation = fc.record({
    key: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: oddString }),
    value: fc.option(oddString, { nil: undefined }),
  });
  return fc.array(operation, { minLength: 1, maxLength: 4 }).map((operations) => {
    const copy: Record<string, string> = { ...base };
    for (const { key, value } of operations) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    }
    return Object.fromEntries(new URLSearchParams(copy));
  });
}

/** Postgres `integer` limit: a value outside it fails the INSERT with a 500. */
const PG_INTEGER_MAX = 2 ** 31 - 1;
const E164 = /^\+[1-9]\d{6,14}$/;

/** A CallEvent the recording transaction can store, texting from the number dialled. */
export function expectStorableEvent(event: CallEvent, dialled: string | null): void {
  expect(["answered", "missed", "voicemail", "abandoned", "busy", "failed"]).toContain(event.disposition);
  expect(event.externalId.length).toBeGreaterThan(0);
  expect(event.to).toMatch(E164);
  // The number the org was found by before verification is the one the call is recorded (and texted) from.
  expect(toE164(dialled)).toBe(event.to);
  if (event.from !== null) expect(event.from).toMatch(E164);
  expect(event.from).toBe(toE164(event.rawFrom));
  // A valid instant the schedule maths and Postgres both handle.
  expect(event.startedAt.getTime()).toBeGreaterThanOrEqual(EARLIEST_CALL.getTime());
  expect(event.startedAt.getTime()).toBeLessThan(LATEST_CALL.getTime());
  for (const seconds of [event.durationSeconds, event.voicemail?.seconds ?? null]) {
    if (seconds === null) continue;
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(seconds).toBeLessThanOrEqual(PG_INTEGER_MAX);
  }
}
