// Recovery policy, one row per situation a front desk would recognise: not missed, nobody to text, who the caller is. The cases are in
// decide-cases/caller.ts; the calls, callers and the demo Downtown spa in decide-cases/kit.ts.
import { describe, expect, it } from "vitest";
import { decideCase } from "./decide-cases/kit";
import { CALLER_CASES } from "./decide-cases/caller";

describe("decide: not missed, nobody to text, who the caller is", () => {
  it.each(CALLER_CASES)("$name", (c) => {
    expect(decideCase(c)).toEqual(c.expected);
  });
});
