// Sending through Twilio (the platform's account, or a spa's hosted-SMS number on it): the existing
// send and reconciliation (lib/messaging/send-text.ts) behind the common interface.
import { findAlreadySent, sendText } from "../send-text";
import type { TwilioClient } from "../twilio-client";
import type { Reconciled, Sender } from "./sender";

export function twilioSender(client: TwilioClient, statusCallback: (messageId: string) => string): Sender {
  return {
    provider: "twilio",
    send: (text) => sendText(client, { to: text.to, from: text.from, body: text.body, statusCallback: statusCallback(text.messageId) }),
    async findAlreadySent(text): Promise<Reconciled> {
      return { found: await findAlreadySent(client, text) };
    },
  };
}
