// Which provider may speak for a number. A number is registered with one phone system
// (`phone_numbers.provider`); only that system's call events are believed for it. Without this rule
// an organization could post generic `call.missed` events "from" anyone to its own Twilio number
// and have the platform text strangers. The rule is pure; `refusedProvider` applies it for a front
// door, after the signature check, and logs the refusal for the number's organization.
import type { Executor } from "@/db/client";
import type { LocationContext } from "@/db/queries/locations";
import { telephonyProvider } from "@/db/schema";
import { recordRefusal } from "@/lib/security/refusal";
import type { Provider } from "./call-event";

/** A call event (missed call, voicemail, queue abandon…) only from the number's own provider. */
export function acceptsCallEvent({ numberProvider, posting }: { numberProvider: Provider; posting: Provider }): boolean {
  return numberProvider === posting;
}

/** Who holds a number and on which phone system: a location read with it, or the door's lighter read. */
export type NumberHolder = { orgId: string; locationId: string; e164: string; provider: Provider };

export function holderOf(location: LocationContext): NumberHolder {
  return { orgId: location.location.orgId, locationId: location.location.id, e164: location.number.e164, provider: location.number.provider };
}

/** Logs, for the number's organization, that `posting` spoke for a number registered with another provider. */
export async function recordProviderRefusal(db: Executor, holder: NumberHolder, posting: Provider, detail: Record<string, string | null> = {}): Promise<void> {
  await recordRefusal(
    { orgId: holder.orgId, locationId: holder.locationId, reason: "provider_mismatch", detail: { posting, registered: holder.provider, to: holder.e164, ...detail } },
    db,
  );
}

/**
 * True (and the refusal logged for the number's organization) when `posting` may not speak for the
 * number: its call events, or with `accepts` another rule (texts).
 */
export async function refusedProvider(
  db: Executor,
  holder: NumberHolder,
  posting: Provider,
  detail: Record<string, string | null> = {},
  accepts: (numberProvider: Provider) => boolean = (numberProvider) => acceptsCallEvent({ numberProvider, posting }),
): Promise<boolean> {
  if (accepts(holder.provider)) return false;
  await recordProviderRefusal(db, holder, posting, detail);
  return true;
}

/**
 * Inbound texts on the platform's Twilio messaging webhook: for Twilio numbers, and for numbers on
 * the generic webhook, whose texting is hosted on the platform's Twilio account (a PBX handles the
 * calls, Twilio the texts: the demo PBX number, docs/architecture.md#demo-data). A Quo or Aircall number's texts arrive
 * through Quo or Aircall, never through Twilio, so a Twilio text to one is refused.
 */
export function acceptsTwilioSms(numberProvider: Provider): boolean {
  return numberProvider === "twilio" || numberProvider === "generic";
}

/**
 * Which numbers' texts `posting` may speak for: Twilio's messaging webhook as above; Quo and Aircall
 * only for their own numbers (a text "to" a Twilio number posted by Quo is refused).
 */
export function acceptsTextFrom(posting: Provider): (numberProvider: Provider) => boolean {
  return posting === "twilio" ? acceptsTwilioSms : (numberProvider) => numberProvider === posting;
}

/** The providers whose numbers' texts the Twilio messaging webhook takes (`acceptsTwilioSms` as a list). */
export const TWILIO_SMS_PROVIDERS: readonly Provider[] = telephonyProvider.enumValues.filter(acceptsTwilioSms);

const NAMES: Record<Provider, string> = { twilio: "Twilio", openphone: "Quo / OpenPhone", aircall: "Aircall", generic: "the generic webhook" };

/** The sentence a refused provider gets back (it names the number's provider, which the sender already knows). */
export function providerMismatchMessage({ numberProvider, posting, what = "call events" }: { numberProvider: Provider; posting: Provider; what?: string }): string {
  return `This number is registered with ${NAMES[numberProvider]}, so ${what} from ${NAMES[posting]} are refused. Change the number's phone system in Settings → Locations if it moved.`;
}
