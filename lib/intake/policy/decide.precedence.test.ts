// Recovery policy, one row per situation a front desk would recognise: precedence, the first rule that applies wins. The cases are in
// decide-cases/precedence.ts; the calls, callers and the demo Downtown spa in decide-cases/kit.ts.
import { describe, expect, it } from "vitest";
import { decideCase } from "./decide-cases/kit";
import { PRECEDENCE_CASES } from "./decide-cases/precedence";

describe("decide: precedence, the first rule that applies wins", () => {
  it.each(PRECEDENCE_CASES)("$name", (c) => {
    expect(decideCase(c)).toEqual(c.expected);
  });
});
