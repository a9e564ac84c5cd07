// Recovery policy, one row per situation a front desk would recognise: existing clients and when the call came in. The cases are in
// decide-cases/timing.ts; the calls, callers and the demo Downtown spa in decide-cases/kit.ts.
import { describe, expect, it } from "vitest";
import { decideCase } from "./decide-cases/kit";
import { TIMING_CASES } from "./decide-cases/timing";

describe("decide: existing clients and when the call came in", () => {
  it.each(TIMING_CASES)("$name", (c) => {
    expect(decideCase(c)).toEqual(c.expected);
  });
});
