// Without Twilio credentials (the embedded demo, simulated texts) there is no API to list a call's
// legs: a `completed` status callback is an answered call as before, and its record says the legs
// were not checked.
import { describe, expect, it } from "vitest";
import { callStatusPayload, type Params } from "@/lib/telephony/twilio/samples";
import { uniqueCaller, useHarness, WESTSIDE } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness({ twilioCredentials: false });

describe("a `completed` call in simulated mode", () => {
  it("is answered, nothing is asked of Twilio, and the check says why", async () => {
    const caller = uniqueCaller();
    const params: Params = { ...callStatusPayload({ accountSid: h.standIn.accountSid, from: caller, to: WESTSIDE, callStatus: "completed" }), CallDuration: "38" };
    delete params.SipResponseCode;
    expect((await h.post("/api/webhooks/twilio/call-status", params)).status).toBe(200);
    await h.settle();

    expect(h.standIn.requests).toEqual([]);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]).toMatchObject({ disposition: "answered", providerStatus: "completed" });
    expect(rows.messages).toHaveLength(0);
    expect(rows.events.filter((e) => e.type === "call_legs_checked").map((e) => e.detail)).toEqual([{ legs: [], thresholdSeconds: 8, verdict: "not_checked" }]);
  });
});
