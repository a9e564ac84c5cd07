// Recovery policy, one row per situation a front desk would recognise: robocalls, misdials, wrong numbers and the daily cap. The cases are in
// decide-cases/limits.ts; the calls, callers and the demo Downtown spa in decide-cases/kit.ts.
import { describe, expect, it } from "vitest";
import { decideCase } from "./decide-cases/kit";
import { LIMIT_CASES } from "./decide-cases/limits";

describe("decide: robocalls, misdials, wrong numbers and the daily cap", () => {
  it.each(LIMIT_CASES)("$name", (c) => {
    expect(decideCase(c)).toEqual(c.expected);
  });
});
