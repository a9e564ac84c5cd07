// Lookup v2 (GET /v2/PhoneNumbers/{number}) for the Twilio REST stand-in (tools/twilio-stand-in.ts):
// a number's country and format, and with Fields=line_type_intelligence its line type (mobile unless
// a test set another with setLineType). Shape: docs/provider-formats.md#twilio-lookup.
import type { ServerResponse } from "node:http";
import { E164, send } from "./twilio-stand-in-http";

const COUNTRY: Record<string, string> = { "1": "US", "44": "GB", "61": "AU", "33": "FR", "49": "DE", "52": "MX" };

/** Answers a lookup of `e164`; `lineTypes` holds the line types tests set, by number. */
export function lookup(lineTypes: ReadonlyMap<string, string>, e164: string, url: URL, res: ServerResponse): void {
  const fields = (url.searchParams.get("Fields") ?? "").split(",").map((f) => f.trim());
  const valid = E164.test(e164);
  const cc = valid ? (e164.startsWith("+1") ? "1" : (Object.keys(COUNTRY).find((c) => e164.startsWith("+" + c)) ?? null)) : null;
  const national = e164.slice(1 + (cc?.length ?? 0));
  const type = lineTypes.get(e164) ?? "mobile";
  const mobile = type === "mobile";
  const none = {
    caller_name: null,
    sim_swap: null,
    call_forwarding: null,
    line_status: null,
    identity_match: null,
    reassigned_number: null,
    sms_pumping_risk: null,
    phone_number_quality_score: null,
    pre_fill: null,
  };
  send(res, 200, {
    calling_country_code: cc,
    country_code: cc ? (COUNTRY[cc] ?? null) : null,
    phone_number: e164,
    national_format: cc === "1" && national.length === 10 ? `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}` : valid ? national : null,
    valid,
    validation_errors: valid ? null : [/^\+?\d+$/.test(e164) ? "INVALID_LENGTH" : "NOT_A_NUMBER"],
    ...none,
    line_type_intelligence:
      valid && fields.includes("line_type_intelligence")
        ? {
            error_code: null,
            mobile_country_code: mobile ? "310" : null,
            mobile_network_code: mobile ? "260" : null,
            carrier_name: mobile ? "Stand-in Wireless" : "Stand-in Telecom",
            type,
          }
        : null,
    url: `https://lookups.twilio.com/v2/PhoneNumbers/${e164}`,
  });
}
