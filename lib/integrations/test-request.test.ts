// The test events are what the providers really send: each request passes that provider's own
// verification and parses to a missed call from the test caller to the spa's number.
import { describe, expect, it } from "vitest";
import { aircallAdapter } from "@/lib/telephony/aircall/adapter";
import { genericAdapter } from "@/lib/telephony/generic/adapter";
import type { ProviderAdapter } from "@/lib/telephony/provider-adapter";
import { openphoneAdapter } from "@/lib/telephony/openphone/adapter";
import { callEventFromDial, dialActionSchema, parseTwilio } from "@/lib/telephony/twilio/parse";
import { parseFormBody, verifyTwilioSignature } from "@/lib/telephony/twilio/verify";
import { TEST_CALLERS } from "./test-caller";
import { buildTestRequest } from "./test-request";

const env = {
  appUrl: "https://rebound.example.com",
  twilio: { accountSid: `AC${"1".repeat(32)}`, authToken: "twilio-token-123456" },
  twilioSigningToken: "twilio-token-123456",
};
const on = (current: string) => ({ current, previous: null, previousUntil: null });
const OFF = { current: null, previous: null, previousUntil: null };
const to = "+13105550100";

async function checkJson(adapter: ProviderAdapter, from: string, secret: string, secrets: Parameters<typeof buildTestRequest>[1]["secrets"] = null) {
  const { request, externalId } = buildTestRequest(adapter.provider, { from, to, secrets, env });
  const rawBody = await request.text();
  const body: unknown = JSON.parse(rawBody);
  const now = new Date();
  expect(adapter.verify({ rawBody, headers: request.headers, secret, body, now })).toEqual({ ok: true });
  const parsed = adapter.parse(body, now);
  expect(parsed.kind).toBe("call");
  if (parsed.kind !== "call") return;
  expect(parsed.event).toMatchObject({ provider: adapter.provider, from, to, externalId });
  expect(["missed", "voicemail", "abandoned"]).toContain(parsed.event.disposition);
  expect(new URL(request.url).origin).toBe(env.appUrl);
}

describe("test events", () => {
  it("Twilio: a <Dial action> no-answer, signed over APP_URL + path", async () => {
    const { request, externalId } = buildTestRequest("twilio", { from: TEST_CALLERS.twilio, to, secrets: null, env });
    expect(request.url).toBe("https://rebound.example.com/api/webhooks/twilio/dial");
    const params = parseFormBody(await request.text());
    const verdict = verifyTwilioSignature({ authToken: env.twilioSigningToken, signature: request.headers.get("x-twilio-signature"), url: request.url, params });
    expect(verdict).toEqual({ ok: true });
    const parsed = parseTwilio(dialActionSchema, params);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const event = callEventFromDial(parsed.value, new Date());
    expect(event).toMatchObject({ provider: "twilio", externalId, from: TEST_CALLERS.twilio, to, disposition: "missed" });
  });

  it("OpenPhone, Aircall and generic are signed with the organization's own secret and pass that provider's verification", async () => {
    const own = {
      openphone: on(`whsec_${Buffer.alloc(32, 9).toString("base64")}`),
      aircall: on("spa-own-aircall-token"),
      generic: on("spa-own-generic-secret-xyz"),
    };
    await checkJson(openphoneAdapter, TEST_CALLERS.openphone, own.openphone.current, own);
    await checkJson(aircallAdapter, TEST_CALLERS.aircall, own.aircall.current, own);
    await checkJson(genericAdapter, TEST_CALLERS.generic, own.generic.current, own);
  });

  it("with the integration off the request goes unsigned (the app then refuses it): no other secret is ever used", async () => {
    const off = { openphone: OFF, aircall: OFF, generic: OFF };
    for (const secrets of [off, null]) {
      const openphone = buildTestRequest("openphone", { from: TEST_CALLERS.openphone, to, secrets, env }).request;
      expect(openphone.headers.has("webhook-signature")).toBe(false);
      const generic = buildTestRequest("generic", { from: TEST_CALLERS.generic, to, secrets, env }).request;
      expect(generic.headers.has("x-rebound-signature")).toBe(false);
      const aircall = buildTestRequest("aircall", { from: TEST_CALLERS.aircall, to, secrets, env }).request;
      expect(JSON.parse(await aircall.text())).toMatchObject({ token: "" });
    }
  });
});
