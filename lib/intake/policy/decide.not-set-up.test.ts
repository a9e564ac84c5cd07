// Recovery policy, one row per situation a front desk would recognise: a location not set up. The cases are in
// decide-cases/not-set-up.ts; the calls, callers and the demo Downtown spa in decide-cases/kit.ts.
import { describe, expect, it } from "vitest";
import { decideCase } from "./decide-cases/kit";
import { NOT_SET_UP_CASES } from "./decide-cases/not-set-up";

describe("decide: a location not set up", () => {
  it.each(NOT_SET_UP_CASES)("$name", (c) => {
    expect(decideCase(c)).toEqual(c.expected);
  });
});
