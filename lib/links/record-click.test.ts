import { describe, expect, it } from "vitest";
import { isCountedClick } from "./record-click";

const IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
const INSTAGRAM_IN_APP = `${IPHONE_SAFARI} Instagram 330.0.0.0 (iPhone15,2; iOS 17_4; en_US)`;

describe("isCountedClick", () => {
  it.each([IPHONE_SAFARI, ANDROID_CHROME, INSTAGRAM_IN_APP])("counts a person's browser: %s", (userAgent) => {
    expect(isCountedClick({ userAgent })).toBe(true);
  });

  it.each([
    // iMessage builds its preview with this exact agent.
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Twitterbot/1.0",
    "WhatsApp/2.23.20.0 A",
    "GoogleMessages",
    "TelegramBot (like TwitterBot)",
    "curl/8.5.0",
    "Wget/1.21.4",
  ])("does not count the preview or script %s", (userAgent) => {
    expect(isCountedClick({ userAgent })).toBe(false);
  });

  it("does not count a request without a user agent (every browser sends one)", () => {
    expect(isCountedClick({ userAgent: null })).toBe(false);
    expect(isCountedClick({ userAgent: "  " })).toBe(false);
  });

  it("does not count a HEAD request (link checkers), even from a browser agent", () => {
    expect(isCountedClick({ userAgent: IPHONE_SAFARI, method: "HEAD" })).toBe(false);
    expect(isCountedClick({ userAgent: IPHONE_SAFARI, method: "GET" })).toBe(true);
  });
});
