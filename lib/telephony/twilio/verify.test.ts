// X-Twilio-Signature checks, replayed on the real `<Dial action>` payload of docs/provider-formats.md#twilio-dial-action:
// the body is form-encoded exactly as Twilio posts it, signed over the public URL Twilio called.
// The payload is ./fixtures DIAL_ACTION_FIXTURE: field for field as documented, with a real AC + 32 hex AccountSid.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DIAL_ACTION_FIXTURE } from "./samples";
import { parseFormBody, publicUrlOf, signTwilioRequest, verifyTwilioSignature } from "./verify";

const AUTH_TOKEN = "12345678901234567890123456789012";
const APP_URL = "https://rebound.example.com";
/** What the app sees behind the proxy: an internal host and port. */
const INTERNAL_URL = "http://10.0.3.7:3000/api/webhooks/twilio/dial?location=downtown";
/** What Twilio was configured with, and signed. */
const PUBLIC_URL = "https://rebound.example.com/api/webhooks/twilio/dial?location=downtown";

/** The raw request body Twilio sends: `+` becomes %2B, spaces become `+`. */
const RAW_BODY = new URLSearchParams(DIAL_ACTION_FIXTURE).toString();

function verify(overrides: { signature?: string | null; url?: string; params?: Record<string, string>; authToken?: string } = {}) {
  return verifyTwilioSignature({
    authToken: overrides.authToken ?? AUTH_TOKEN,
    signature: overrides.signature === undefined ? signTwilioRequest(AUTH_TOKEN, PUBLIC_URL, DIAL_ACTION_FIXTURE) : overrides.signature,
    url: overrides.url ?? publicUrlOf(INTERNAL_URL, APP_URL),
    params: overrides.params ?? parseFormBody(RAW_BODY),
  });
}

describe("parseFormBody", () => {
  it("decodes the raw form body back to the exact values Twilio signed", () => {
    expect(RAW_BODY).toContain("From=%2B13105550111");
    expect(parseFormBody(RAW_BODY)).toEqual(DIAL_ACTION_FIXTURE);
  });

  it("decodes `+` as a space, as in a status callback Timestamp", () => {
    expect(parseFormBody("Timestamp=Sat%2C+07+May+2022+14%3A30%3A14+%2B0000")).toEqual({ Timestamp: "Sat, 07 May 2022 14:30:14 +0000" });
  });
});

describe("publicUrlOf", () => {
  it("rebuilds the URL Twilio called from APP_URL, the path and the query, never the internal host", () => {
    const url = publicUrlOf(INTERNAL_URL, APP_URL);
    expect(url).toBe(PUBLIC_URL);
    expect(url).not.toContain("10.0.3.7");
    expect(url).not.toContain(":3000");
  });

  it("keeps a URL without a query string without a dangling `?`", () => {
    expect(publicUrlOf("http://localhost:3000/api/webhooks/twilio/sms", APP_URL)).toBe(`${APP_URL}/api/webhooks/twilio/sms`);
  });

  it("keeps the query string exactly as encoded", () => {
    expect(publicUrlOf("http://10.0.3.7:3000/api/webhooks/twilio/dial?name=Glow%20Spa&x=1", APP_URL)).toBe(`${APP_URL}/api/webhooks/twilio/dial?name=Glow%20Spa&x=1`);
  });
});

describe("verifyTwilioSignature", () => {
  it("accepts a signature Twilio would send for the real dial-action payload", () => {
    expect(verify()).toEqual({ ok: true });
  });

  it("matches the signature computed by hand (HMAC-SHA1 over URL + sorted key/value pairs, base64)", () => {
    const data =
      PUBLIC_URL +
      Object.keys(DIAL_ACTION_FIXTURE)
        .sort()
        .map((k) => k + DIAL_ACTION_FIXTURE[k])
        .join("");
    const expected = createHmac("sha1", AUTH_TOKEN).update(data, "utf8").digest("base64");
    expect(signTwilioRequest(AUTH_TOKEN, PUBLIC_URL, DIAL_ACTION_FIXTURE)).toBe(expected);
    expect(verify({ signature: expected })).toEqual({ ok: true });
  });

  it("rejects a forged signature", () => {
    expect(verify({ signature: "3pYbYtJgDWUJ0+2fBi4a3r2Yq3I=" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a signature made with another account's auth token", () => {
    const forged = signTwilioRequest("another-accounts-auth-token-0000", PUBLIC_URL, DIAL_ACTION_FIXTURE);
    expect(verify({ signature: forged })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("says the header is missing when there is none, or it is empty", () => {
    expect(verify({ signature: null })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verify({ signature: "" })).toEqual({ ok: false, reason: "missing_signature" });
  });

  it("rejects a tampered param: a missed call rewritten as answered", () => {
    const tampered = parseFormBody(RAW_BODY.replace("DialCallStatus=no-answer", "DialCallStatus=completed"));
    expect(tampered.DialCallStatus).toBe("completed");
    expect(verify({ params: tampered })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a param added after signing", () => {
    expect(verify({ params: { ...DIAL_ACTION_FIXTURE, RecordingUrl: "https://evil.example/r.mp3" } })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a param removed after signing", () => {
    const { DialBridged: _dropped, ...rest } = DIAL_ACTION_FIXTURE;
    expect(verify({ params: rest })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["a different path", "https://rebound.example.com/api/webhooks/twilio/sms?location=downtown"],
    ["a different host", "https://evil.example.com/api/webhooks/twilio/dial?location=downtown"],
    ["the internal host", INTERNAL_URL],
    ["no query string", "https://rebound.example.com/api/webhooks/twilio/dial"],
    ["another query value", "https://rebound.example.com/api/webhooks/twilio/dial?location=westside"],
    ["http instead of https", "http://rebound.example.com/api/webhooks/twilio/dial?location=downtown"],
  ])("rejects the signature when checked against %s", (_name, url) => {
    expect(verify({ url })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a valid signature checked with the wrong auth token", () => {
    expect(verify({ authToken: "not-the-token-twilio-signed-with" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("accepts a signature made over the URL with an explicit :443 port (twilio checks both forms)", () => {
    const withPort = "https://rebound.example.com:443/api/webhooks/twilio/dial?location=downtown";
    const signature = signTwilioRequest(AUTH_TOKEN, withPort, DIAL_ACTION_FIXTURE);
    expect(signature).not.toBe(signTwilioRequest(AUTH_TOKEN, PUBLIC_URL, DIAL_ACTION_FIXTURE));
    expect(verify({ signature })).toEqual({ ok: true });
  });

  it("accepts a signature made without the port when APP_URL carries :443", () => {
    const url = publicUrlOf(INTERNAL_URL, "https://rebound.example.com:443");
    expect(url).toBe("https://rebound.example.com:443/api/webhooks/twilio/dial?location=downtown");
    expect(verify({ url })).toEqual({ ok: true });
  });

  it("does not treat another port as the same URL", () => {
    const signature = signTwilioRequest(AUTH_TOKEN, "https://rebound.example.com:8443/api/webhooks/twilio/dial?location=downtown", DIAL_ACTION_FIXTURE);
    expect(verify({ signature })).toEqual({ ok: false, reason: "bad_signature" });
  });
});
