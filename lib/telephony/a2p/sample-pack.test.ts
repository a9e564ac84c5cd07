import { describe, expect, it } from "vitest";
import { samplePack } from "./sample-pack";

const link = "https://app.rebound.example/l/AbC123xYz9";

describe("the registration sample pack", () => {
  it("renders each situation's saved template (or the default) with the spa's name and the tracked link", () => {
    const pack = samplePack({
      spa: "Glow Med Spa",
      location: { name: "Downtown", bookingUrl: "https://book.glow.example" },
      templates: new Map([["open", "Hi from {spa} at {location}! Book: {booking_link} Reply STOP to opt out."]]),
      trackedLink: link,
    });
    expect(pack.samples.map((s) => s.situation)).toEqual(["open", "after_hours", "existing_client", "follow_up"]);
    expect(pack.samples[0]).toEqual({ situation: "open", title: "Open hours", text: `Hi from Glow Med Spa at Downtown! Book: ${link} Reply STOP to opt out.` });
    expect(pack.samples[1]?.text).toBe(
      `Thanks for calling Glow Med Spa! We're closed right now. Reply here with what you're looking for and we'll get back to you when we open, or book any time: ${link} Reply STOP to opt out.`,
    );
    for (const sample of pack.samples) {
      // Twilio's message_samples: 20 to 1,024 characters each.
      expect(sample.text.length).toBeGreaterThanOrEqual(20);
      expect(sample.text.length).toBeLessThanOrEqual(1024);
      expect(sample.text).toContain("Reply STOP to opt out.");
    }
    expect(pack.text).toContain("Sample 4 (Follow-up):");
    expect(pack.text).toContain("it opens https://book.glow.example");
  });

  it("adds the opt-out line to an old template that lacks it", () => {
    const pack = samplePack({ spa: "Glow", location: { name: "A", bookingUrl: null }, templates: new Map([["follow_up", "Still keen? {spa} {booking_link}"]]), trackedLink: link });
    expect(pack.samples[3]?.text).toBe(`Still keen? Glow ${link} Reply STOP to opt out.`);
    expect(pack.text).toContain("This location has no booking link yet");
  });
});
