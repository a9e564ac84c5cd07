// IncomingPhoneNumbers (2010-04-01 Accounts/{sid}/IncomingPhoneNumbers.json) for the Twilio REST
// stand-in (tools/twilio-stand-in.ts): the numbers "on the account", which Rebound lists to prove a
// number before it texts from it (lib/telephony/numbers/twilio-proof.ts). Like Twilio, the
// PhoneNumber filter matches partial numbers, so a caller must compare `phone_number` exactly
// (docs/provider-formats.md#twilio-incoming-phone-numbers).
//
// By default the stand-in owns every number it is asked about (origin `twilio`, SMS capable), so
// tests that do not care about proof keep sending; a test of an unproven number sets it explicitly.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { fail, send } from "./twilio-stand-in-http";

/** A number on the stand-in's account: `hosted` is a hosted-SMS number whose voice lives elsewhere. */
export type IncomingNumber = { origin: "twilio" | "hosted"; sms: boolean; voice?: boolean };

export type StandInNumbers = {
  /** Puts the number on the account with these properties, or takes it off (`null`). */
  set(e164: string, number: IncomingNumber | null): void;
  /** Whether a number nobody set is on the account (default: yes, origin `twilio`, SMS capable). */
  ownEveryNumber(owns: boolean): void;
  /** The next list requests answer these HTTP statuses (500, 503…) instead of the list. */
  failNextLookups(statuses: number[]): void;
  /** How many list requests were answered, failures included. */
  readonly lookups: number;
};

export const INCOMING_NUMBERS = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\.json$/;

const OWNED_BY_DEFAULT: IncomingNumber = { origin: "twilio", sms: true, voice: true };

/** A stable `PN…` sid per number, so two lookups of one number agree (as Twilio's do). */
export const incomingNumberSid = (e164: string) => "PN" + createHash("sha256").update(e164).digest("hex").slice(0, 32);

export function createStandInNumbers(accountSid: string) {
  const configured = new Map<string, IncomingNumber | null>();
  let ownsEvery = true;
  let failures: number[] = [];
  let lookups = 0;

  const resource = (e164: string, n: IncomingNumber) => {
    const sid = incomingNumberSid(e164);
    const uri = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers/${sid}.json`;
    return {
      account_sid: accountSid,
      address_requirements: "none",
      api_version: "2010-04-01",
      beta: false,
      capabilities: { voice: n.voice ?? n.origin === "twilio", sms: n.sms, mms: n.sms, fax: false },
      date_created: "Mon, 02 Jun 2025 17:00:00 +0000",
      date_updated: "Mon, 02 Jun 2025 17:00:00 +0000",
      friendly_name: e164,
      identity_sid: null,
      phone_number: e164,
      origin: n.origin,
      sid,
      sms_application_sid: "",
      sms_fallback_method: "POST",
      sms_fallback_url: "",
      sms_method: "POST",
      sms_url: "",
      status_callback: "",
      status_callback_method: "POST",
      trunk_sid: null,
      uri,
      voice_application_sid: "",
      voice_caller_id_lookup: false,
      voice_fallback_method: "POST",
      voice_fallback_url: "",
      voice_method: "POST",
      voice_url: "",
      emergency_status: "Inactive",
      emergency_address_sid: null,
      emergency_address_status: "unregistered",
      bundle_sid: null,
      status: "in-use",
    };
  };

  /** GET …/IncomingPhoneNumbers.json?PhoneNumber=…: every number whose digits contain the filter's. */
  function list(url: URL, res: ServerResponse): void {
    lookups += 1;
    const status = failures.shift();
    if (status) return fail(res, status, 20000 + status, "Service Unavailable");
    const filter = url.searchParams.get("PhoneNumber") ?? "";
    const digits = filter.replace(/[^\d]/g, "");
    const candidates = new Map<string, IncomingNumber>();
    for (const [e164, n] of configured) if (n) candidates.set(e164, n);
    // A number nobody set is owned by default: it exists once someone asks for it exactly.
    if (ownsEvery && /^\+\d{8,15}$/.test(filter) && !configured.has(filter)) candidates.set(filter, OWNED_BY_DEFAULT);
    const matching = [...candidates].filter(([e164]) => e164.replace(/[^\d]/g, "").includes(digits)).sort(([a], [b]) => a.localeCompare(b));
    const pageSize = Math.min(1000, Math.max(1, Number(url.searchParams.get("PageSize")) || 50));
    const items = matching.slice(0, pageSize);
    const pageUri = `${url.pathname}?${new URLSearchParams({ ...(filter ? { PhoneNumber: filter } : {}), PageSize: String(pageSize), Page: "0" }).toString()}`;
    send(res, 200, {
      incoming_phone_numbers: items.map(([e164, n]) => resource(e164, n)),
      end: Math.max(0, items.length - 1),
      first_page_uri: pageUri,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri: pageUri,
    });
  }

  const api: StandInNumbers = {
    set: (e164, number) => {
      configured.set(e164, number);
    },
    ownEveryNumber: (owns) => {
      ownsEvery = owns;
    },
    failNextLookups: (statuses) => {
      failures.push(...statuses);
    },
    get lookups() {
      return lookups;
    },
  };

  return {
    api,
    list,
    reset() {
      configured.clear();
      ownsEvery = true;
      failures = [];
      lookups = 0;
    },
  };
}
