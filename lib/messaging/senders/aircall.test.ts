// Aircall's answers mapped onto the outbox's outcomes, and the real sender against the Aircall
// stand-in: native send on the number id, the X-AircallApi budget and the segment caps respected
// before sending, and no resend when Aircall cannot say whether it took a text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_AIRCALL_NUMBER, DEMO_AIRCALL_NUMBER_ID, startAircallStandIn, type AircallStandIn } from "@/tools/aircall-stand-in";
import { aircallSender, classifyAircallAnswer, type AircallDeps } from "./aircall";

const NOW = new Date("2026-12-08T15:00:00Z");
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers), body });

describe("classifyAircallAnswer", () => {
  it("2xx with the message at top level: sent, its id kept as text", () => {
    expect(classifyAircallAnswer(answer(200, { id: 12345, status: "pending", direction: "outbound" }), NOW)).toEqual({ kind: "sent", sid: "12345", status: "queued" });
  });

  it("429: retried at X-AircallApi-Reset when there is no Retry-After", () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 42;
    expect(classifyAircallAnswer(answer(429, { error: "Too Many Requests" }, { "X-AircallApi-Remaining": "0", "X-AircallApi-Reset": String(reset) }), NOW)).toMatchObject({
      kind: "retry",
      outcomeUnknown: false,
      notBefore: new Date(reset * 1000),
    });
  });

  it("401 / 403 / 404 are about the account or the number: rejected with a callback that says why", () => {
    expect(classifyAircallAnswer(answer(403, { error: "Forbidden", troubleshoot: "plan" }), NOW)).toMatchObject({
      kind: "rejected",
      code: null,
      instead: expect.stringContaining("Professional plan"),
    });
    expect(classifyAircallAnswer(answer(404, { error: "Not found" }), NOW)).toMatchObject({
      kind: "rejected",
      instead: expect.stringContaining("not on the organization's Aircall account"),
    });
    expect(classifyAircallAnswer(answer(400, { error: "Invalid to" }), NOW)).toEqual({ kind: "rejected", code: null, error: "Aircall 400: Invalid to" });
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
