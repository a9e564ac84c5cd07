// Aircall's answers mapped onto the outbox's outcomes (the senders against the stand-ins, with the
// caps, the budget and the no-resend rule: tools/senders.test.ts).
import { describe, expect, it } from "vitest";
import { classifyAircallAnswer } from "./aircall";

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
