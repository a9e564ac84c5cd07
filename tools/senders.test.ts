// The real Quo and Aircall senders (lib/messaging/senders/) against the stand-ins they are tested
// with everywhere: the PN… id as `from` with the raw key and the list look-up for Quo; native send
// on the number id, the segment caps and the X-AircallApi budget respected before sending, and no
// resend when Aircall cannot say whether it took a text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aircallSender, type AircallDeps } from "@/lib/messaging/senders/aircall";
import { quoSender } from "@/lib/messaging/senders/quo";
import { DEMO_AIRCALL_NUMBER, DEMO_AIRCALL_NUMBER_ID, startAircallStandIn, type AircallStandIn } from "./aircall-stand-in";
import { DEMO_QUO_NUMBER, DEMO_QUO_NUMBER_ID, startQuoStandIn, type QuoStandIn } from "./quo-stand-in";

describe("quoSender against the Quo stand-in", () => {
  let quo: QuoStandIn;
  beforeAll(async () => {
    quo = await startQuoStandIn();
  });
  afterAll(async () => quo.close());
  beforeEach(() => quo.reset());

  const text = () => ({ messageId: "m1", orgId: "o1", to: "+13105550111", from: DEMO_QUO_NUMBER, body: "Sorry we missed you", createdAt: new Date() });

  it("sends from the PN… id with the raw key, and finds the text again after the fact", async () => {
    const sender = quoSender({ apiKey: quo.apiKey, phoneNumberId: DEMO_QUO_NUMBER_ID, base: quo.url });
    const sent = await sender.send(text());
    expect(sent).toMatchObject({ kind: "sent", sid: quo.messages[0]?.id });
    expect(quo.requests[0]).toMatchObject({ method: "POST", path: "/v1/messages", authorization: quo.apiKey });
    expect(await sender.findAlreadySent(text())).toEqual({ found: { sid: quo.messages[0]?.id, status: "queued" } });
    expect(await sender.findAlreadySent({ ...text(), body: "something else" })).toEqual({ found: null });
  });

  it("a number not yet proven (no PN… id) sends from its E.164, and after an unknown outcome is not resent", async () => {
    const sender = quoSender({ apiKey: quo.apiKey, phoneNumberId: null, base: quo.url });
    expect(await sender.send(text())).toMatchObject({ kind: "sent" });
    expect(quo.messages[0]).toMatchObject({ phoneNumberId: DEMO_QUO_NUMBER_ID, from: DEMO_QUO_NUMBER });
    expect(await sender.findAlreadySent(text())).toEqual({ cannotTell: expect.stringContaining("does not risk texting the caller twice") });
  });

  it("a refused connection was never taken: retry without a look-up", async () => {
    const closed = await startQuoStandIn();
    const base = closed.url;
    await closed.close();
    const sender = quoSender({ apiKey: quo.apiKey, phoneNumberId: DEMO_QUO_NUMBER_ID, base });
    expect(await sender.send(text())).toMatchObject({ kind: "retry", outcomeUnknown: false });
  });
});

describe("aircallSender against the Aircall stand-in", () => {
  let aircall: AircallStandIn;
  beforeAll(async () => {
    aircall = await startAircallStandIn();
  });
  afterAll(async () => aircall.close());
  beforeEach(() => aircall.reset());

  const text = () => ({ messageId: "m1", orgId: "o1", to: "+13105550111", from: DEMO_AIRCALL_NUMBER, body: "Sorry we missed you", createdAt: new Date() });
  const deps = (over: Partial<AircallDeps> = {}): AircallDeps => ({ sentFromNumber: async () => [], echoedText: async () => null, ...over });
  const make = (d = deps(), apiId = aircall.apiId) => aircallSender({ apiId, apiToken: aircall.apiToken, numberId: String(DEMO_AIRCALL_NUMBER_ID), base: aircall.url }, d);

  it("sends natively on the number id with Basic auth", async () => {
    expect(await make().send(text())).toMatchObject({ kind: "sent", sid: aircall.messages[0]?.id, status: "queued" });
    expect(aircall.requests[0]).toMatchObject({ path: `/v1/numbers/${DEMO_AIRCALL_NUMBER_ID}/messages/native/send`, authorization: expect.stringMatching(/^Basic /) });
  });

  it("a number over its hourly segment cap is put back, and Aircall is not called", async () => {
    const sender = make(deps({ sentFromNumber: async () => [{ at: new Date(Date.now() - 60_000), segments: 1000 }] }));
    expect(await sender.send(text())).toMatchObject({ kind: "reschedule", reason: "aircall_hourly_segment_cap" });
    expect(aircall.requests).toHaveLength(0);
  });

  it("once Aircall says the company's budget is spent, the next text waits for its reset", async () => {
    aircall.setRateLimit(1);
    const sender = make(deps(), aircall.apiId);
    expect(await sender.send(text())).toMatchObject({ kind: "sent" });
    expect(await sender.send(text())).toMatchObject({ kind: "reschedule", reason: "aircall_rate_limited" });
    expect(aircall.requests).toHaveLength(1);
    aircall.setRateLimit(60);
  });

  it("after an unknown outcome: an echo's id is the text; without one Aircall cannot tell, so no resend", async () => {
    expect(await make(deps({ echoedText: async () => ({ sid: "777", status: "sent" }) })).findAlreadySent(text())).toEqual({ found: { sid: "777", status: "sent" } });
    expect(await make().findAlreadySent(text())).toEqual({ cannotTell: expect.stringContaining("does not risk texting the caller twice") });
  });
});
