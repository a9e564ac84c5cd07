// The stand-in's IncomingPhoneNumbers, read by the Twilio number proof (lib/telephony/numbers/twilio-proof.ts)
// through the real twilio client.
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTwilioStandIn, type TwilioStandIn } from "./twilio-stand-in";
import { incomingNumberSid } from "./twilio-stand-in-numbers";
import { proveOnTwilio } from "@/lib/telephony/numbers/twilio-proof";

class StandInClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    return super.request({ ...opts, uri: this.base + uri.pathname + uri.search });
  }
}

const NUMBER = "+13105550170";

describe("proveOnTwilio", () => {
  let standIn: TwilioStandIn;
  let client: ReturnType<typeof twilio>;
  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    client = twilio(standIn.accountSid, standIn.authToken, { httpClient: new StandInClient(standIn.url) });
  });
  afterAll(async () => standIn.close());
  beforeEach(() => standIn.reset());

  it("proves a number Twilio owns and stores its PN sid and origin", async () => {
    expect(await proveOnTwilio(client, NUMBER, "twilio")).toEqual({
      kind: "checked",
      status: "proven",
      detail: "Proven on Twilio.",
      providerNumberId: incomingNumberSid(NUMBER),
      twilioOrigin: "twilio",
    });
    expect(standIn.requests).toContainEqual({ method: "GET", path: `/2010-04-01/Accounts/${standIn.accountSid}/IncomingPhoneNumbers.json` });
  });

  it("proves a generic phone system's number hosted for SMS on Twilio", async () => {
    standIn.numbers.set(NUMBER, { origin: "hosted", sms: true });
    expect(await proveOnTwilio(client, NUMBER, "generic")).toMatchObject({ status: "proven", detail: "Proven on Twilio (hosted SMS).", twilioOrigin: "hosted" });
  });

  it("compares the number exactly: a longer number that contains it is not it", async () => {
    standIn.numbers.ownEveryNumber(false);
    standIn.numbers.set("+4413105550170", { origin: "twilio", sms: true });
    const outcome = await proveOnTwilio(client, NUMBER, "twilio");
    expect(outcome).toMatchObject({ kind: "checked", status: "not_found", providerNumberId: null });
    expect(outcome.kind === "checked" && outcome.detail).toMatch(/^Not on Rebound's Twilio account: texts from it are paused/);
  });

  it("a generic number not on Twilio cannot text, and says why", async () => {
    standIn.numbers.set(NUMBER, null);
    const outcome = await proveOnTwilio(client, NUMBER, "generic");
    expect(outcome).toMatchObject({ kind: "checked", status: "cannot_text" });
    expect(outcome.kind === "checked" && outcome.detail).toMatch(/^This number cannot text: .*not hosted for SMS on Rebound's Twilio account/);
  });

  it("a number without SMS capability cannot text", async () => {
    standIn.numbers.set(NUMBER, { origin: "twilio", sms: false, voice: true });
    expect(await proveOnTwilio(client, NUMBER, "twilio")).toMatchObject({
      status: "cannot_text",
      detail: "This number cannot text: Twilio lists it without SMS capability.",
      providerNumberId: incomingNumberSid(NUMBER),
    });
  });

  it("a failing lookup is a failure, not a verdict", async () => {
    standIn.numbers.failNextLookups([503]);
    expect(await proveOnTwilio(client, NUMBER, "twilio")).toEqual({ kind: "failed", error: "Twilio could not be asked (HTTP 503)" });
  });
});
