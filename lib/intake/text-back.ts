// The automatic texts a missed call produces: the text-back now, and one follow-up later if the
// caller has not answered (never in the caller's quiet hours).
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertTrackedLinks } from "@/db/queries/links";
import type { LocationContext } from "@/db/queries/locations";
import { allSteps } from "@/lib/all-steps";
import { DEFAULT_TEMPLATES, type TemplateSituation } from "@/lib/messaging/default-templates";
import { campaignFor, newTrackedLink } from "@/lib/links/tracked-link";
import { queueTexts } from "@/lib/messaging/queue-text";
import { renderTemplate } from "@/lib/messaging/templates";
import { nextSendableTime, quietHoursFor } from "@/lib/schedule/quiet-hours";

/** An automatic text decided on, before anything is stored: its id, its link and its words. */
export type PlannedText = {
  messageId: string;
  situation: TemplateSituation;
  notBefore: Date;
  link: { token: string; targetUrl: string };
  body: string;
};

export function renderFor(location: LocationContext, situation: TemplateSituation, bookingLink: string): string {
  const template = location.templates.get(situation) ?? DEFAULT_TEMPLATES[situation];
  return renderTemplate(template, { spa: location.orgName, location: location.location.name, bookingLink });
}

/**
 * The booking link goes out as /b/<token>: the tap is counted as engagement, then redirected with
 * UTM tags. Planned before any insert, so the conversation's preview can show the words the caller
 * gets in the same statement that opens it. Null when the location has no booking link: a text is
 * never sent with a placeholder (decide holds automatic texts until the owner enters one).
 */
export function planAutomatedText(location: LocationContext, situation: TemplateSituation, notBefore: Date): PlannedText | null {
  const bookingUrl = location.location.bookingUrl;
  if (!bookingUrl) return null;
  const { token, url, targetUrl } = newTrackedLink(bookingUrl, campaignFor(situation));
  return { messageId: randomUUID(), situation, notBefore, link: { token, targetUrl }, body: renderFor(location, situation, url) };
}

export type TextRecipient = {
  location: LocationContext;
  conversationId: string;
  contactId: string;
  contactPhone: string;
  callId: string;
  /** The number the caller dialled: the text comes from the number they know. */
  from: string;
};

/**
 * Stores planned texts: their links, messages and outbox entries, three statements issued together
 * however many texts there are. Only the text-back carries the call; a follow-up stands on its own.
 */
export async function queueAutomatedTexts(tx: Executor, to: TextRecipient, texts: PlannedText[]): Promise<void> {
  const { orgId, id: locationId } = to.location.location;
  const conversation = { orgId, contactId: to.contactId, conversationId: to.conversationId };
  await allSteps([
    insertTrackedLinks(
      texts.map(({ link }) => ({ ...conversation, locationId, callId: to.callId, token: link.token, targetUrl: link.targetUrl })),
      tx,
    ),
    queueTexts(
      tx,
      texts.map((text) => ({
        ...conversation,
        id: text.messageId,
        callId: text.situation === "follow_up" ? null : to.callId,
        fromNumber: to.from,
        toNumber: to.contactPhone,
        body: text.body,
        automated: true,
        templateSituation: text.situation,
        notBefore: text.notBefore,
      })),
    ),
  ]);
}

/** When the follow-up is due: N hours after the text-back, moved out of the caller's quiet hours. */
export function followUpTime(location: LocationContext, callerPhone: string, textBackAt: Date): Date {
  const { followUpAfterHours, quietStartMinute, quietEndMinute, timezone } = location.location;
  const due = new Date(textBackAt.getTime() + followUpAfterHours * 3600 * 1000);
  const tz = quietHoursFor({ callerPhone, locationTimezone: timezone });
  return nextSendableTime(due, tz, { startMinute: quietStartMinute, endMinute: quietEndMinute });
}
