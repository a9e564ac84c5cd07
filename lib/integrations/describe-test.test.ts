import { describe, expect, it } from "vitest";
import { describeTestResult } from "./describe-test";

const base = { locationName: "Downtown" };
const outcome = (events: { type: string; reason: string | null }[]) => ({ callId: "c1", conversationId: "v1", events });

describe("the result of a test event", () => {
  it("a recorded missed call with a queued text-back", () => {
    const result = describeTestResult({
      ...base,
      status: 200,
      body: '{"ok":true,"result":"recorded"}',
      outcome: outcome([
        { type: "call_missed", reason: "after_hours" },
        { type: "text_queued", reason: "after_hours" },
      ]),
    });
    expect(result).toEqual({ ok: true, status: 200, message: "Recorded a missed call to Downtown and queued the text-back.", conversationId: "v1" });
  });

  it("a recorded call that a rule kept from being texted says which rule", () => {
    const result = describeTestResult({ ...base, status: 200, body: "<Response/>", outcome: outcome([{ type: "text_skipped", reason: "already_texted_recently" }]) });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/no text-back this time: The caller was already texted recently/);
  });

  it("a refused signature shows the app's own message and what to check", () => {
    const result = describeTestResult({ ...base, status: 401, body: '{"error":"unauthorized","message":"Signature check failed: the token does not match"}', outcome: null });
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect(result.message).toMatch(/^The webhook was refused: Signature check failed: the token does not match Check that the secret/);
  });

  it("a missing Twilio token (503) tells the operator what to set", () => {
    const result = describeTestResult({ ...base, status: 503, body: '{"error":"not_configured","message":"TWILIO_AUTH_TOKEN is not set"}', outcome: null });
    expect(result.message).toMatch(/TWILIO_AUTH_TOKEN is not set Set TWILIO_AUTH_TOKEN on the server/);
  });

  it("a refusal (403) names what to check: the number's phone system and the integration", () => {
    const result = describeTestResult({ ...base, status: 403, body: '{"error":"provider_mismatch","message":"This number is registered with Twilio."}', outcome: null });
    expect(result.message).toMatch(/registered with Twilio\. Check that the number is on this phone system/);
  });

  it("an accepted webhook that recorded nothing is not reported as a success", () => {
    const result = describeTestResult({ ...base, status: 200, body: '{"ok":true,"result":"unknown_number"}', outcome: null });
    expect(result.ok).toBe(false);
  });
});
