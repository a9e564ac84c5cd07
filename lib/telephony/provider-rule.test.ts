import { describe, expect, it } from "vitest";
import type { Provider } from "./call-event";
import { acceptsCallEvent, acceptsTextFrom, acceptsTwilioSms, providerMismatchMessage } from "./provider-rule";

const PROVIDERS: Provider[] = ["twilio", "openphone", "aircall", "generic"];

describe("the provider rule", () => {
  it("a call event is accepted only from the provider the number is registered with", () => {
    for (const numberProvider of PROVIDERS) {
      for (const posting of PROVIDERS) {
        expect(acceptsCallEvent({ numberProvider, posting }), `${posting} → ${numberProvider} number`).toBe(numberProvider === posting);
      }
    }
  });

  it("Twilio texts are accepted for Twilio numbers and generic (PBX with hosted SMS) numbers only", () => {
    expect(PROVIDERS.filter(acceptsTwilioSms)).toEqual(["twilio", "generic"]);
  });

  it("Quo and Aircall texts are accepted only for their own numbers; Twilio's as above", () => {
    expect(PROVIDERS.filter(acceptsTextFrom("openphone"))).toEqual(["openphone"]);
    expect(PROVIDERS.filter(acceptsTextFrom("aircall"))).toEqual(["aircall"]);
    expect(PROVIDERS.filter(acceptsTextFrom("twilio"))).toEqual(["twilio", "generic"]);
  });

  it("the refusal says which system the number is on and what to change", () => {
    expect(providerMismatchMessage({ numberProvider: "twilio", posting: "generic" })).toBe(
      "This number is registered with Twilio, so call events from the generic webhook are refused. Change the number's phone system in Settings → Locations if it moved.",
    );
  });
});
