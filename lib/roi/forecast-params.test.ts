import { describe, expect, it } from "vitest";
import { WORKED_EXAMPLE } from "./forecast";
import { forecastInputFromParams, forecastQuery } from "./forecast-params";

describe("forecast inputs in the URL", () => {
  it("opens on the worked example", () => {
    expect(forecastInputFromParams({})).toEqual(WORKED_EXAMPLE);
  });

  it("round-trips what the owner typed", () => {
    const typed = { monthlyCalls: 500, missedRatePct: 18.5, recoveryRatePct: 28, bookRatePct: 40, clientValue: 950 };
    expect(forecastInputFromParams(Object.fromEntries(new URLSearchParams(forecastQuery(typed))))).toEqual(typed);
  });

  it("ignores values that are out of range or not numbers, keeping the rest", () => {
    expect(forecastInputFromParams({ calls: "abc", missed: "140", value: "2000" })).toEqual({ ...WORKED_EXAMPLE, clientValue: 2000 });
  });
});
