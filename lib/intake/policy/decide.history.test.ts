// Recovery policy, one row per situation a front desk would recognise: recent history. The cases are in
// decide-cases/history.ts; the calls, callers and the demo Downtown spa in decide-cases/kit.ts.
import { describe, expect, it } from "vitest";
import { decideCase } from "./decide-cases/kit";
import { HISTORY_CASES } from "./decide-cases/history";

describe("decide: recent history", () => {
  it.each(HISTORY_CASES)("$name", (c) => {
    expect(decideCase(c)).toEqual(c.expected);
  });
});
