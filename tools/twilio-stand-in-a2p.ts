// Messaging v1 A2P 10DLC answers for the Twilio REST stand-in (tools/twilio-stand-in.ts), reached
// through TWILIO_API_BASE like every other Twilio host: a Messaging Service, its sender pool, its
// campaign (Compliance/Usa2p) and the campaign's brand. Shapes from twilio/twilio-oai
// spec/json/twilio_messaging_v1.json (docs/provider-formats.md#twilio-a2p-10dlc). Tests configure a
// service with `set` (in process) or POST /__stand-in/a2p/Services/{MG} (a browser test's process);
// a status list instead of one status is a mock transition: each fetch moves one step along it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { fail, send, type Json } from "./twilio-stand-in-http";

type Transition = string | string[];
export type StandInA2pService = {
  /** E.164 numbers in the service's sender pool. */
  numbers: string[];
  usAppToPersonRegistered?: boolean;
  /** null: the service has no campaign (an empty compliance list). */
  campaign: { status: Transition; errors?: unknown[]; mock?: boolean } | null;
  brand?: { status: Transition; errors?: unknown[]; identityStatus?: string; failureReason?: string | null; mock?: boolean };
};

export type TwilioA2pStandIn = {
  set(serviceSid: string, service: StandInA2pService): void;
  reset(): void;
  /** True when this module answers the path (the caller checks authorization first). */
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void>;
};

const HOST = "https://messaging.twilio.com";
const SERVICE = /^\/v1\/Services\/(MG[0-9a-fA-F]{32})$/;
const NUMBERS = /^\/v1\/Services\/(MG[0-9a-fA-F]{32})\/PhoneNumbers$/;
const CAMPAIGNS = /^\/v1\/Services\/(MG[0-9a-fA-F]{32})\/Compliance\/Usa2p$/;
const BRAND = /^\/v1\/a2p\/BrandRegistrations\/(BN[0-9a-fA-F]{32})$/;
const CONTROL = /^\/__stand-in\/a2p\/Services\/(MG[0-9a-fA-F]{32})$/;
const PATTERNS = [SERVICE, NUMBERS, CAMPAIGNS, BRAND, CONTROL];

/** The brand of a service: one per service here, its sid derived from the service's hex. */
export const brandSidOf = (serviceSid: string) => `BN${serviceSid.slice(2)}`;
const hex = (sid: string, prefix: string) => `${prefix}${sid.slice(2)}`;
const DATE = "2026-11-01T10:00:00Z";

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error instanceof Error ? error : new Error("bad JSON"));
      }
    });
    req.on("error", reject);
  });
}

export function createA2pStandIn(accountSid: string): TwilioA2pStandIn {
  const services = new Map<string, StandInA2pService>();
  /** How far each service's campaign / brand transition has moved. */
  const moved = new Map<string, number>();

  /** The current state of a transition, then one step further for the next fetch. */
  function advance(key: string, transition: Transition): string {
    if (typeof transition === "string") return transition;
    const at = moved.get(key) ?? 0;
    moved.set(key, Math.min(at + 1, transition.length - 1));
    return transition[Math.min(at, transition.length - 1)] ?? "PENDING";
  }

  const meta = (url: URL, key: string): Json => ({
    page: 0,
    page_size: 50,
    first_page_url: `${HOST}${url.pathname}?PageSize=50&Page=0`,
    previous_page_url: null,
    next_page_url: null,
    key,
    url: `${HOST}${url.pathname}?PageSize=50&Page=0`,
  });

  function campaignJson(sid: string, s: StandInA2pService): Json | null {
    if (!s.campaign) return null;
    return {
      sid: hex(sid, "QE"),
      account_sid: accountSid,
      brand_registration_sid: brandSidOf(sid),
      messaging_service_sid: sid,
      description: "Missed-call text-backs for a med spa",
      message_samples: ["Sorry we missed your call! Reply here or book: https://example.test/l/abc Reply STOP to opt out."],
      us_app_to_person_usecase: "CUSTOMER_CARE",
      has_embedded_links: true,
      has_embedded_phone: false,
      campaign_status: advance(`${sid}:campaign`, s.campaign.status),
      campaign_id: "CSTANDIN",
      is_externally_registered: false,
      rate_limits: { att: { dpm: 240, msg_class: "A" }, tmobile: { brand_tier: "LOW" } },
      mock: s.campaign.mock ?? false,
      errors: s.campaign.errors ?? [],
      date_created: DATE,
      date_updated: DATE,
      url: `${HOST}/v1/Services/${sid}/Compliance/Usa2p/${hex(sid, "QE")}`,
    };
  }

  function brandJson(brandSid: string): Json | null {
    const entry = [...services.entries()].find(([sid]) => brandSidOf(sid) === brandSid);
    const brand = entry?.[1].brand;
    if (!entry || !brand) return null;
    return {
      sid: brandSid,
      account_sid: accountSid,
      customer_profile_bundle_sid: hex(brandSid, "BU"),
      a2p_profile_bundle_sid: hex(brandSid, "BU"),
      date_created: DATE,
      date_updated: DATE,
      brand_type: "STANDARD",
      status: advance(`${entry[0]}:brand`, brand.status),
      tcr_id: "BSTANDIN",
      failure_reason: brand.failureReason ?? null,
      errors: brand.errors ?? [],
      url: `${HOST}/v1/a2p/BrandRegistrations/${brandSid}`,
      brand_score: 42,
      brand_feedback: null,
      identity_status: brand.identityStatus ?? "VERIFIED",
      russell_3000: false,
      government_entity: false,
      tax_exempt_status: null,
      skip_automatic_sec_vet: false,
      mock: brand.mock ?? false,
      links: { brand_vettings: `${HOST}/v1/a2p/BrandRegistrations/${brandSid}/Vettings` },
    };
  }

  const notFound = (res: ServerResponse, url: URL) => fail(res, 404, 20404, `The requested resource ${url.pathname} was not found`);

  return {
    set(serviceSid, service) {
      services.set(serviceSid, service);
      moved.delete(`${serviceSid}:campaign`);
      moved.delete(`${serviceSid}:brand`);
    },
    reset() {
      services.clear();
      moved.clear();
    },
    handles: (pathname) => PATTERNS.some((p) => p.test(pathname)),
    async handle(req, url, res) {
      const control = CONTROL.exec(url.pathname);
      if (control && req.method === "POST") {
        this.set(control[1]!, (await readJson(req)) as StandInA2pService);
        return send(res, 200, { ok: true });
      }
      if (req.method !== "GET") return fail(res, 405, 20004, "Method not allowed");
      const brand = BRAND.exec(url.pathname);
      if (brand) {
        const json = brandJson(brand[1]!);
        return json ? send(res, 200, json) : notFound(res, url);
      }
      const sid = (SERVICE.exec(url.pathname) ?? NUMBERS.exec(url.pathname) ?? CAMPAIGNS.exec(url.pathname))?.[1];
      const service = sid ? services.get(sid) : undefined;
      if (!sid || !service) return notFound(res, url);
      if (SERVICE.test(url.pathname)) {
        const registered = service.usAppToPersonRegistered ?? Boolean(service.campaign);
        return send(res, 200, { account_sid: accountSid, sid, friendly_name: "Stand-in service", us_app_to_person_registered: registered, url: `${HOST}/v1/Services/${sid}` });
      }
      if (NUMBERS.test(url.pathname)) {
        const phone_numbers = service.numbers.map((phone_number, i) => ({
          sid: `PN${sid.slice(2, 32)}${String(i).padStart(2, "0")}`,
          account_sid: accountSid,
          service_sid: sid,
          phone_number,
          country_code: "US",
          capabilities: ["SMS", "Voice"],
          date_created: DATE,
          date_updated: DATE,
          url: `${HOST}/v1/Services/${sid}/PhoneNumbers/PN${i}`,
        }));
        return send(res, 200, { phone_numbers, meta: meta(url, "phone_numbers") });
      }
      const campaign = campaignJson(sid, service);
      return send(res, 200, { compliance: campaign ? [campaign] : [], meta: meta(url, "compliance") });
    },
  };
}
