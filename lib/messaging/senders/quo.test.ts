// Quo's answers mapped onto the outbox's outcomes (both error shapes, the documented codes), and
// the list look-up's match (the senders against the stand-ins: tools/senders.test.ts).
import { describe, expect, it } from "vitest";
import { classifyQuoAnswer, matchListed, QUO_NO_CREDITS, QUO_NOT_REGISTERED, quoError } from "./quo";

const NOW = new Date("2026-12-08T15:00:00Z");
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers), body });

describe("classifyQuoAnswer", () => {
  it("202 with data.id: sent, the AC… id kept", () => {
    expect(classifyQuoAnswer(answer(202, { data: { id: "ACabc", status: "queued" } }), NOW)).toEqual({ kind: "sent", sid: "ACabc", status: "queued" });
  });

  it("0206400 (A2P not approved) in the v1 shape: rejected with the code as an integer", () => {
    const body = { message: "A2P registration is not approved", code: "0206400", status: 400, title: "Bad Request", docs: "https://quo.com/docs", trace: "t", errors: [] };
    expect(classifyQuoAnswer(answer(400, body), NOW)).toMatchObject({ kind: "rejected", code: QUO_NOT_REGISTERED, error: expect.stringContaining("Quo 400 0206400") });
  });

  it("402 in the wrapped shape (no code): rejected, with a callback that says why", () => {
    const outcome = classifyQuoAnswer(answer(402, { error: { message: "Not enough credits", key: "NotEnoughCredits", trace: "t" } }), NOW);
    expect(outcome).toMatchObject({ kind: "rejected", code: null, error: "Quo 402: Not enough credits", instead: expect.stringContaining("not enough prepaid credits") });
    expect(quoError({ message: "x", code: "0200402" })).toEqual({ code: QUO_NO_CREDITS, message: "x" });
    const notOnAccount = classifyQuoAnswer(answer(404, { message: "Phone number not found", code: "0200404", status: 404, title: "Not Found" }), NOW);
    expect(notOnAccount).toMatchObject({ kind: "rejected", code: 200404, instead: expect.stringContaining("not on the organization's Quo account") });
  });

  it("429: retried, not before Retry-After, and certainly not sent", () => {
    expect(classifyQuoAnswer(answer(429, {}, { "Retry-After": "3" }), NOW)).toMatchObject({ kind: "retry", outcomeUnknown: false, notBefore: new Date(NOW.getTime() + 3000) });
  });

  it("5xx: retried, and the text may have been taken", () => {
    expect(classifyQuoAnswer(answer(503, "<html>busy</html>"), NOW)).toMatchObject({ kind: "retry", outcomeUnknown: true, error: "Quo 503: <html>busy</html>" });
  });

  it("matchListed finds the outgoing text with the same words, newer than the look-back", () => {
    const text = { messageId: "m", orgId: "o", to: "+13105550111", from: "+13105550160", body: "Hi there", createdAt: NOW };
    const list = {
      data: [
        { id: "ACin", text: "Hi there", direction: "incoming", createdAt: NOW.toISOString() },
        { id: "ACold", text: "Hi there", direction: "outgoing", createdAt: "2026-12-08T14:00:00Z" },
        { id: "ACnew", text: "Hi there", direction: "outgoing", status: "delivered", createdAt: "2026-12-08T15:00:02Z" },
      ],
    };
    expect(matchListed(list, text)).toEqual({ sid: "ACnew", status: "delivered" });
    expect(matchListed({ data: [] }, text)).toBeNull();
    expect(() => matchListed({}, text)).toThrow();
  });
});
