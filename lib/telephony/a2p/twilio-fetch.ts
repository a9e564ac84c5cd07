// Asks Twilio's Messaging v1 API (messaging.twilio.com, or TWILIO_API_BASE in tests and benchmarks,
// like every other Twilio request: lib/messaging/twilio-client.ts) for what the readiness check
// needs: the Messaging Service, its sender pool, its campaign, and the campaign's brand.
import type { z } from "zod";
import { env } from "@/lib/env";
import { getProviderJson } from "@/lib/http/provider-get";
import type { Fetched, TwilioAnswers } from "./twilio-readiness";
import { twilioBrandSchema, twilioCampaignListSchema, twilioServiceNumbersSchema, twilioServiceSchema, type TwilioCampaign } from "./twilio-shapes";

export const MESSAGING_HOST = "https://messaging.twilio.com";
/** A sender pool larger than this many pages of 1,000 is not a spa's; stop rather than loop. */
const MAX_PAGES = 5;

type Credentials = { accountSid: string; authToken: string };

/** A URL Twilio gave (next_page_url) or built here, on the base in use: the stand-in in tests. */
function onBase(url: string, base: string): string {
  const target = new URL(url, MESSAGING_HOST);
  return new URL(target.pathname + target.search, base).toString();
}

async function listServiceNumbers(sid: string, auth: Record<string, string>, base: string): Promise<Fetched<string[]>> {
  const numbers: string[] = [];
  let next: string | null = `/v1/Services/${encodeURIComponent(sid)}/PhoneNumbers?PageSize=1000`;
  for (let page = 0; next && page < MAX_PAGES; page += 1) {
    const answer: Fetched<z.output<typeof twilioServiceNumbersSchema>> = await getProviderJson(onBase(next, base), auth, twilioServiceNumbersSchema, "Twilio");
    if (!answer.ok) return answer;
    for (const n of answer.value.phone_numbers) if (n.phone_number) numbers.push(n.phone_number);
    next = answer.value.meta?.next_page_url ?? null;
  }
  return { ok: true, value: numbers };
}

/** What Twilio says about a Messaging Service: the same for every number in it, so fetched once per check round. */
export type ServiceAnswers = Omit<TwilioAnswers, "e164">;

export async function fetchServiceAnswers(messagingServiceSid: string | null): Promise<ServiceAnswers> {
  const { twilio: credentials, twilioApiBase } = env();
  if (!credentials || !messagingServiceSid) return { credentials: Boolean(credentials), messagingServiceSid };
  const base = twilioApiBase ?? MESSAGING_HOST;
  const auth = authorization(credentials);
  const sid = encodeURIComponent(messagingServiceSid);
  const [service, serviceNumbers, campaigns] = await Promise.all([
    getProviderJson(onBase(`/v1/Services/${sid}`, base), auth, twilioServiceSchema, "Twilio"),
    listServiceNumbers(messagingServiceSid, auth, base),
    getProviderJson(onBase(`/v1/Services/${sid}/Compliance/Usa2p`, base), auth, twilioCampaignListSchema, "Twilio"),
  ]);
  // An empty list is "no campaign" (a value), not a failure; a failed request stays a failure.
  const campaign: Fetched<TwilioCampaign | null> = campaigns.ok ? { ok: true, value: campaigns.value.compliance[0] ?? null } : campaigns;
  const brandSid = campaign.ok ? campaign.value?.brand_registration_sid : null;
  const brand = brandSid ? await getProviderJson(onBase(`/v1/a2p/BrandRegistrations/${encodeURIComponent(brandSid)}`, base), auth, twilioBrandSchema, "Twilio") : undefined;
  return { credentials: true, messagingServiceSid, service, serviceNumbers, campaign, brand };
}

function authorization({ accountSid, authToken }: Credentials): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}` };
}
