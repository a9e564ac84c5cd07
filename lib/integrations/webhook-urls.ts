// The exact URLs an owner pastes into each phone system (README "Connect a real Twilio number",
// docs/webhooks.md). Twilio signs the URL it calls, so these must start with APP_URL exactly.
import type { Provider } from "@/lib/telephony/call-event";

export type WebhookUrl = { url: string; where: string };

function join(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path}`;
}

export function webhookUrls(appUrl: string): Record<Provider, WebhookUrl[]> {
  const twilio = (name: string) => join(appUrl, `/api/webhooks/twilio/${name}`);
  return {
    twilio: [
      { url: twilio("voice"), where: "Rebound number in front of your line: Voice configuration → A call comes in (Webhook, HTTP POST)." },
      { url: twilio("dial"), where: "Set for you: the forwarded call reports its outcome here (the <Dial action>). Nothing to paste." },
      { url: twilio("call-status"), where: "Your own number already on Twilio: Voice configuration → Call status changes (HTTP POST)." },
      { url: twilio("sms"), where: "Both setups: Messaging configuration → A message comes in (HTTP POST), so replies and STOP reach the inbox." },
      { url: twilio("queue"), where: "Callers wait in a hold queue: the <Enqueue action> URL, so callers who hang up on hold get a text." },
    ],
    openphone: [{ url: join(appUrl, "/api/webhooks/openphone"), where: "Quo / OpenPhone → Webhooks → new webhook with the call events." }],
    aircall: [{ url: join(appUrl, "/api/webhooks/aircall"), where: "Aircall Dashboard → Integrations → Webhook: switch on call.hungup, call.ended, call.voicemail_left." }],
    generic: [{ url: join(appUrl, "/api/webhooks/generic"), where: "Any other phone system: one signed JSON event per call outcome (docs/webhooks.md)." }],
  };
}

/** A URL Twilio cannot call (it must reach the app from the internet). */
export function isLocalUrl(appUrl: string): boolean {
  try {
    const host = new URL(appUrl).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "::1" || host === "[::1]" || host.endsWith(".local");
  } catch {
    return true;
  }
}
