// The automatic texts a missed call produces: the text-back now, and one follow-up later if the
// caller has not answered (never in the caller's quiet hours).
import type { Executor } from "@/db/client";
import type { LocationContext } from "@/db/queries/locations";
import { DEFAULT_TEMPLATES, type TemplateSituation } from "@/lib/messaging/default-templates";
import { campaignFor, createTrackedLink } from "@/lib/links/tracked-link";
import { queueText } from "@/lib/messaging/queue-text";
import { renderTemplate } from "@/lib/messaging/templates";
import { nextSendableTime, quietHoursFor } from "@/lib/schedule/quiet-hours";

export type AutomatedText = {
  location: LocationContext;
  conversationId: string;
  contactId: string;
  contactPhone: string;
  callId: string;
  /** The number the caller dialled: the text comes from the number they know. */
  from: string;
  situation: TemplateSituation;
  notBefore: Date;
};

export function renderFor(location: LocationContext, situation: TemplateSituation, bookingLink: string): string {
  const template = location.templates.get(situation) ?? DEFAULT_TEMPLATES[situation];
  return renderTemplate(template, { spa: location.orgName, location: location.location.name, bookingLink });
}

export async function queueAutomatedText(tx: Executor, text: AutomatedText): Promise<{ messageId: string; body: string }> {
  // The booking link goes out as /b/<token>: the tap is counted as engagement, then redirected with UTM tags.
  const link = await createTrackedLink(tx, {
    orgId: text.location.location.orgId,
    locationId: text.location.location.id,
    contactId: text.contactId,
    conversationId: text.conversationId,
    callId: text.callId,
    targetUrl: text.location.location.bookingUrl,
    campaign: campaignFor(text.situation),
  });
  const body = renderFor(text.location, text.situation, link.url);
  const messageId = await queueText(
    tx,
    {
      orgId: text.location.location.orgId,
      conversationId: text.conversationId,
      contactId: text.contactId,
      callId: text.situation === "follow_up" ? null : text.callId,
      fromNumber: text.from,
      toNumber: text.contactPhone,
      body,
      automated: true,
      templateSituation: text.situation,
    },
    text.notBefore,
  );
  return { messageId, body };
}

/** When the follow-up is due: N hours after the text-back, moved out of the caller's quiet hours. */
export function followUpTime(location: LocationContext, callerPhone: string, textBackAt: Date): Date {
  const { followUpAfterHours, quietStartMinute, quietEndMinute, timezone } = location.location;
  const due = new Date(textBackAt.getTime() + followUpAfterHours * 3600 * 1000);
  const tz = quietHoursFor({ callerPhone, locationTimezone: timezone });
  return nextSendableTime(due, tz, { startMinute: quietStartMinute, endMinute: quietEndMinute });
}
