// Properties of the JSON providers' adapters (OpenPhone / Quo, Aircall, generic) over arbitrary
// JSON and near-valid events (the real fixtures with fields deleted, replaced or added at any
// depth): reading the dialled number, verifying and parsing never throw; a refusal is a typed
// "invalid" (the route's 400); an accepted call is storable and is recorded for, and texted from,
// the very number the organization was found by before verification.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { unstorableText } from "@/lib/http/body";
import aircallAnswered from "./aircall/fixtures/call-ended-answered.json";
import aircallMissed from "./aircall/fixtures/call-ended-missed.json";
import aircallHungup from "./aircall/fixtures/call-hungup.json";
import aircallVoicemail from "./aircall/fixtures/call-voicemail-left.json";
import { aircallAdapter } from "./aircall/adapter";
import genericAnswered from "./generic/fixtures/call-answered.json";
import genericMissed from "./generic/fixtures/call-missed.json";
import genericVoicemail from "./generic/fixtures/call-voicemail.json";
import { genericAdapter } from "./generic/adapter";
import type { ProviderAdapter } from "./provider-adapter";
import openphoneCompleted from "./openphone/fixtures/call-completed.json";
import openphoneMissed from "./openphone/fixtures/call-missed.json";
import openphoneVoicemail from "./openphone/fixtures/call-voicemail-completed.json";
import openphoneLegacy from "./openphone/fixtures/legacy-call-completed.json";
import { openphoneAdapter } from "./openphone/adapter";
import { expectStorableEvent, jsonBody, oddString } from "./property-arbitraries";

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) };
const NOW = new Date("2026-05-12T17:00:30Z");
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

const PROVIDERS: [string, ProviderAdapter, object[]][] = [
  ["openphone", openphoneAdapter, [openphoneMissed, openphoneCompleted, openphoneVoicemail, openphoneLegacy]],
  ["aircall", aircallAdapter, [aircallMissed, aircallAnswered, aircallHungup, aircallVoicemail]],
  ["generic", genericAdapter, [genericMissed, genericAnswered, genericVoicemail]],
];

/** Signature headers of every provider, with plausible, near-valid and junk values. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcdefABCDEF0123456789,;=+/_-. v") }),
  fc.integer({ min: NOW_SECONDS - 600, max: NOW_SECONDS + 600 }).map(String),
  fc.integer({ min: NOW_SECONDS - 600, max: NOW_SECONDS + 600 }).map((s) => `hmac;1;${s * 1000};${"A".repeat(43)}=`),
  fc.base64String({ minLength: 4, maxLength: 64 }).map((b) => `v1,${b} v1=${b}`),
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }).map((hex) => `v1=${hex}`),
);
const headers = fc
  .dictionary(fc.constantFrom("webhook-id", "webhook-timestamp", "webhook-signature", "openphone-signature", "x-rebound-timestamp", "x-rebound-signature"), headerValue, {
    maxKeys: 4,
  })
  .map((entries) => new Headers(entries));
const secret = fc.oneof(
  fc.constantFrom("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "45XXYYZZa08", "not base64!"),
  oddString.filter((s) => s.length > 0),
);

// OpenPhone logs the shapes it cannot read; hundreds of them would bury the test output.
beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

describe.each(PROVIDERS)("%s", (_name, adapter, fixtures) => {
  it("every fixture is a call whose dialled number finds its location", () => {
    for (const fixture of fixtures) {
      const parsed = adapter.parse(fixture, NOW);
      expect(parsed.kind).toBe("call");
      if (parsed.kind === "call") expectStorableEvent(parsed.event, adapter.dialledNumber(fixture));
    }
  });

  it("reading the dialled number and parsing never throw; a refusal is a typed 400 message", () => {
    fc.assert(
      fc.property(jsonBody(fixtures), (body) => {
        const dialled = adapter.dialledNumber(body);
        expect(dialled === null || typeof dialled === "string").toBe(true);
        const parsed = adapter.parse(body, NOW);
        expect(["call", "ignored", "invalid"]).toContain(parsed.kind);
        if (parsed.kind === "invalid") expect(parsed.message).toMatch(/^Malformed \w+ (payload|event): \S/);
        if (parsed.kind === "ignored") expect(parsed.reason.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it("an accepted call is storable and comes from the number the organization was found by", () => {
    fc.assert(
      fc.property(
        jsonBody(fixtures).filter((body) => unstorableText(body) === null),
        (body) => {
          const parsed = adapter.parse(body, NOW);
          if (parsed.kind === "call") expectStorableEvent(parsed.event, adapter.dialledNumber(body));
        },
      ),
      RUNS,
    );
  });

  it("verification never throws, whatever the headers, body and configured secret", () => {
    fc.assert(
      fc.property(jsonBody(fixtures), headers, secret, (body, requestHeaders, configured) => {
        const rawBody = JSON.stringify(body);
        const verdict = adapter.verify({ rawBody, headers: requestHeaders, secret: configured, body, now: NOW });
        if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
