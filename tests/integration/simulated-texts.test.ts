// Without Twilio credentials nothing leaves the building: texts are stored as `simulated`.
import { describe, expect, it } from "vitest";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness({ twilioCredentials: false });

describe("no Twilio credentials", () => {
  it("records the text-back as simulated and sends nothing", async () => {
    const caller = uniqueCaller();
    await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
    await h.settle();
    expect(h.standIn.requests).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.messages[0]).toMatchObject({ status: "simulated", providerSid: null });
    expect(rows.messages[0]?.body).toContain("Glow Med Spa");
    expect(rows.events.map((e) => e.type)).toContain("text_simulated");
  });
});
