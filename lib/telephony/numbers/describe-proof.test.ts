import { describe, expect, it } from "vitest";
import { PROOF_STATUSES } from "@/db/schema";
import { PROOF_LABELS, proofLetsTextsOut, proofSentence } from "./describe-proof";
import { describeProofCounts } from "./prove-org-numbers";

describe("how a number's proof reads", () => {
  it("every status has a label, and the stored why comes first", () => {
    for (const status of PROOF_STATUSES) expect(PROOF_LABELS[status].label).not.toBe("");
    expect(proofSentence({ proofStatus: "proven", proofDetail: "Proven on Twilio (hosted SMS)." })).toBe("Proven on Twilio (hosted SMS).");
    expect(proofSentence({ proofStatus: "unchecked", proofDetail: null })).toBe("Not checked yet: Rebound checks it with its phone system before its first text.");
    expect(proofSentence({ proofStatus: "cannot_text", proofDetail: null })).toMatch(/^This number cannot text/);
  });

  it("only proven and simulated numbers let texts out", () => {
    expect(PROOF_STATUSES.filter(proofLetsTextsOut)).toEqual(["proven", "simulated"]);
  });

  it("sums up a re-check after credentials are saved", () => {
    expect(describeProofCounts({})).toBe("");
    expect(describeProofCounts({ proven: 1 })).toBe("1 number checked: 1 proven.");
    expect(describeProofCounts({ not_found: 1, proven: 2 })).toBe("3 numbers checked: 2 proven, 1 not on the account.");
  });
});
