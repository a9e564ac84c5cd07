// The timeline's words for the events of sending through each provider (issue 16): why a text
// waits, which provider could not deliver it, and a provider reporting Rebound's own text back.
import { describe, expect, it } from "vitest";
import type { Event } from "@/db/schema";
import { eventText } from "./timeline-event";

const event = (fields: Partial<Event>): Event => ({
  id: 1,
  orgId: null,
  locationId: null,
  contactId: null,
  conversationId: null,
  callId: null,
  messageId: null,
  type: "text_rescheduled",
  reason: null,
  detail: null,
  createdAt: new Date("2026-12-08T15:00:00Z"),
  ...fields,
});

describe("eventText for sending through a provider", () => {
  it("says why a text waits, in the words of the limit that holds it", () => {
    expect(eventText(event({ reason: "quo_rate_limited" }))).toBe("Waiting: Quo takes 10 texts a second from one account. The text goes out within the second.");
    expect(eventText(event({ reason: "aircall_hourly_segment_cap" }))).toMatch(/^Waiting: this Aircall number sent its 1,000 text segments for the hour\./);
    expect(eventText(event({ reason: "quiet_hours", detail: { at: "2026-12-09T16:00:00.000Z" } }))).toBe(
      "Follow-up moved out of the caller's quiet hours to 2026-12-09T16:00:00.000Z.",
    );
  });

  it("names the provider that could not deliver, and a provider's echo of our own text", () => {
    expect(eventText(event({ type: "text_undelivered", reason: "30006", detail: { provider: "openphone" } }))).toBe("Text not delivered (Quo error 30006).");
    expect(eventText(event({ type: "text_undelivered", reason: "30003" }))).toBe("Text not delivered (Twilio error 30003).");
    expect(eventText(event({ type: "message_echo_ignored", detail: { provider: "aircall" } }))).toBe("Aircall reported this text back; it is shown once.");
  });
});
