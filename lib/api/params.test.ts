import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { DEFAULT_LIMIT, ParamError, parseListParams, parseRangeParams } from "./params";

const LOCATION = "0b7f2c1e-9a4d-4c3b-8e2f-6a5d4c3b2a19";
const q = (query: string) => new URLSearchParams(query);

function errorOf(run: () => unknown): { param: string; status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ParamError) return { param: error.param, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected a ParamError");
}

describe("list parameters", () => {
  it("default to everything, 100 at a time, from the start", () => {
    expect(parseListParams(q(""), "calls")).toEqual({ range: { from: null, to: null, locationId: null }, limit: DEFAULT_LIMIT, after: null });
  });

  it("read a range, a location, a limit and a cursor", () => {
    const cursor = encodeCursor({ kind: "calls", at: "2026-09-01T17:04:05.123456Z", id: LOCATION });
    expect(parseListParams(q(`from=2026-09-01&to=2026-11-26&location=${LOCATION}&limit=500&cursor=${cursor}`), "calls")).toEqual({
      range: { from: "2026-09-01", to: "2026-11-26", locationId: LOCATION },
      limit: 500,
      after: { kind: "calls", at: "2026-09-01T17:04:05.123456Z", id: LOCATION },
    });
  });

  it("name the parameter that is wrong, as a 400", () => {
    expect(errorOf(() => parseListParams(q("from=2026-02-30"), "calls"))).toMatchObject({ param: "from", status: 400 });
    expect(errorOf(() => parseListParams(q("to=yesterday"), "calls"))).toMatchObject({ param: "to" });
    expect(errorOf(() => parseListParams(q("location=downtown"), "calls"))).toMatchObject({ param: "location" });
    expect(errorOf(() => parseListParams(q("limit=0"), "calls"))).toMatchObject({ param: "limit" });
    expect(errorOf(() => parseListParams(q("limit=501"), "calls"))).toMatchObject({ param: "limit" });
    expect(errorOf(() => parseListParams(q("limit=2.5"), "calls"))).toMatchObject({ param: "limit" });
    expect(errorOf(() => parseListParams(q("limit=ten"), "calls"))).toMatchObject({ param: "limit" });
    expect(errorOf(() => parseListParams(q("cursor=abc"), "calls"))).toMatchObject({ param: "cursor" });
    expect(errorOf(() => parseListParams(q("from=2026-11-27&to=2026-11-26"), "calls"))).toMatchObject({ param: "from", message: "from: The start must be on or before the end." });
  });

  it("refuse a cursor minted by another endpoint", () => {
    const cursor = encodeCursor({ kind: "bookings", at: "2026-09-01T17:04:05Z", id: LOCATION });
    expect(errorOf(() => parseListParams(q(`cursor=${cursor}`), "calls"))).toMatchObject({ param: "cursor" });
  });
});

describe("range parameters (ROI and CSV)", () => {
  it("default to the dashboard's range: two months back to today", () => {
    expect(parseRangeParams(q(""), "2026-11-26")).toEqual({ from: "2026-09-01", to: "2026-11-26", locationId: null });
  });

  it("a lone `to` ends the same three months; a lone `from` runs to today", () => {
    expect(parseRangeParams(q("to=2026-03-15"), "2026-11-26")).toEqual({ from: "2026-01-01", to: "2026-03-15", locationId: null });
    expect(parseRangeParams(q("from=2026-10-01"), "2026-11-26")).toEqual({ from: "2026-10-01", to: "2026-11-26", locationId: null });
  });

  it("name the parameter that is wrong", () => {
    expect(errorOf(() => parseRangeParams(q("from=2026-12-01"), "2026-11-26"))).toMatchObject({ param: "from" });
    expect(errorOf(() => parseRangeParams(q("location=1"), "2026-11-26"))).toMatchObject({ param: "location" });
  });
});
