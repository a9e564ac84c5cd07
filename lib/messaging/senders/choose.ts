// Which provider a text leaves through: the one that owns the number it is sent from (the
// SendingFacts' number). Twilio and generic numbers go through the platform's Twilio account; a
// Quo number through the organization's Quo API key, from its PN… id; an Aircall number through
// the organization's Aircall API id and token, on its Aircall number id. Without that provider's
// credentials the text is recorded as simulated, as texts are without Twilio credentials.
import type { Db } from "@/db/client";
import type { TextToSend } from "@/db/queries/messages";
import { getSentIdentity, listTextsSentFrom } from "@/db/queries/sent-texts";
import { env } from "@/lib/env";
import { countSegments } from "../segments";
import type { TwilioClient } from "../twilio-client";
import { aircallSender } from "./aircall";
import { quoSender } from "./quo";
import type { Sender } from "./sender";
import { twilioSender } from "./twilio";

/** A sender; or no credentials, so the text is simulated (`reason` is logged); or the number cannot send yet. */
export type Chosen = { sender: Sender } | { simulated: "no_twilio_credentials" | "no_quo_credentials" | "no_aircall_credentials" } | { unproven: string };

/** Read with the text (getTextsToSend): the number's provider id from its facts, the credentials from its organization. */
export function chooseSender(db: Db, { message, facts, credentials }: TextToSend, twilio: TwilioClient | null, statusCallback: (messageId: string) => string): Chosen {
  const provider = facts.number?.provider ?? "twilio";
  if (provider !== "openphone" && provider !== "aircall") return twilio ? { sender: twilioSender(twilio, statusCallback) } : { simulated: "no_twilio_credentials" };

  const number = facts.number;
  if (provider === "openphone") {
    if (!credentials.openphoneApiKey) return { simulated: "no_quo_credentials" };
    return { sender: quoSender({ apiKey: credentials.openphoneApiKey, phoneNumberId: number?.providerNumberId ?? null, base: env().openphoneApiBase }) };
  }
  if (!credentials.aircallApiId || !credentials.aircallApiToken) return { simulated: "no_aircall_credentials" };
  // Aircall sends only by its own number id, which proving the number stores.
  if (!number?.providerNumberId) return { unproven: "no Aircall number id: the number has not been proven on the Aircall account yet" };
  const orgId = message.orgId;
  const fromNumber = message.fromNumber;
  return {
    sender: aircallSender(
      { apiId: credentials.aircallApiId, apiToken: credentials.aircallApiToken, numberId: number.providerNumberId, base: env().aircallApiBase },
      {
        sentFromNumber: async (since) =>
          (await listTextsSentFrom({ orgId, fromNumber, since }, db)).map((t) => ({ at: t.sentAt, segments: Math.max(1, countSegments(t.body).segments) })),
        echoedText: async (messageId) => {
          const known = await getSentIdentity({ messageId }, db);
          return known ? { sid: known.providerSid, status: known.status } : null;
        },
      },
    ),
  };
}
