// GET /b/<token>: record the click (engagement on the conversation) and redirect to the booking page.
import { transaction } from "@/db/client";
import { touchConversation } from "@/db/queries/conversations";
import { recordEvent } from "@/db/queries/events";
import { findTrackedLinkByToken, insertLinkClick } from "@/db/queries/links";
import type { TrackedLink } from "@/db/schema";
import { TOKEN_PATTERN } from "./tracked-link";
import { logError } from "@/lib/log";
import { recordRefusal } from "@/lib/security/refusal";
import { checkBookingUrl } from "@/lib/settings/booking-url";

/**
 * Fetchers that open a link without a person tapping it: link previews in messaging apps and
 * scanners, plus command-line clients. They still get the redirect (a preview needs it), but they
 * are not a click. Matched case-insensitively anywhere in the User-Agent.
 * - facebookexternalhit, Facebot, meta-externalagent: Meta; also iMessage's preview, which sends
 *   "… facebookexternalhit/1.1 Facebot Twitterbot/1.0"
 * - Applebot: Apple's fetcher (Siri/Spotlight suggestions, some iMessage previews)
 * - GoogleMessages: Android Messages link previews; Googlebot, bingbot: search crawlers
 * - WhatsApp, TelegramBot, Slackbot (incl. Slackbot-LinkExpanding), Twitterbot, Discordbot,
 *   LinkedInBot, SkypeUriPreview: chat and social previews
 * - curl, Wget, python-requests, Go-http-client: scripts and uptime checks
 * No User-Agent at all is not counted either: every browser sends one.
 */
export const PREVIEW_AGENTS = [
  "facebookexternalhit",
  "Facebot",
  "meta-externalagent",
  "Applebot",
  "GoogleMessages",
  "Googlebot",
  "bingbot",
  "WhatsApp",
  "TelegramBot",
  "Slackbot",
  "Twitterbot",
  "Discordbot",
  "LinkedInBot",
  "SkypeUriPreview",
  "curl",
  "Wget",
  "python-requests",
  "Go-http-client",
] as const;

const PREVIEW_PATTERN = new RegExp(PREVIEW_AGENTS.map((name) => name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|"), "i");

/** Whether a request to a tracked link is a person's click. HEAD (link checkers) never is. */
export function isCountedClick({ userAgent, method = "GET" }: { userAgent: string | null; method?: string }): boolean {
  if (method.toUpperCase() === "HEAD") return false;
  if (!userAgent?.trim()) return false;
  return !PREVIEW_PATTERN.test(userAgent);
}

export type ClickInput = { token: string; userAgent: string | null; now: Date; method?: string };

export type ClickResult = { redirectTo: string } | { refused: "unsafe_booking_url" } | null;

/**
 * Looks up the link and, for a person's click, stores the click, logs `link_clicked` and moves the
 * conversation to the top of the inbox. Null: no such link (the page answers 404). A target that is
 * not an https address under a domain name (plain http, an IP address, localhost…) is never
 * redirected to, whatever was stored: it is refused and logged for the organization that sent it.
 */
export async function recordClick({ token, userAgent, now, method }: ClickInput): Promise<ClickResult> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const link = await findTrackedLinkByToken({ token });
  if (!link) return null;
  const checked = checkBookingUrl(link.targetUrl);
  if (!checked.ok) {
    console.error(`[links] tracked link ${link.id} was not redirected (${checked.problem}); the location's booking link must be an https address under a domain name`);
    await recordRefusal({
      orgId: link.orgId,
      locationId: link.locationId,
      contactId: link.contactId,
      reason: "unsafe_booking_url",
      detail: { linkId: link.id, problem: checked.problem },
    });
    return { refused: "unsafe_booking_url" };
  }
  const target = checked.url;
  if (isCountedClick({ userAgent, method })) {
    try {
      await storeClick(link, userAgent, now);
    } catch (error) {
      // The caller wants to book: a failed write must not stand between them and the booking page.
      logError("links", error, `could not record a click on link ${link.id}`);
    }
  }
  return { redirectTo: target.toString() };
}

async function storeClick(link: TrackedLink, userAgent: string | null, now: Date): Promise<void> {
  await transaction(async (tx) => {
    await insertLinkClick({ linkId: link.id, userAgent: userAgent?.slice(0, 512) ?? null, clickedAt: now }, tx);
    const conversation = await touchConversation(
      {
        orgId: link.orgId,
        locationId: link.locationId,
        contactId: link.contactId,
        kind: "link_clicked",
        at: now,
      },
      tx,
    );
    await recordEvent(
      {
        orgId: link.orgId,
        locationId: link.locationId,
        contactId: link.contactId,
        conversationId: conversation.id,
        callId: link.callId,
        type: "link_clicked",
        detail: { linkId: link.id },
        createdAt: now,
      },
      tx,
    );
  });
}

const UNSAFE_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  "<title>Link not available</title></head><body><p>This booking link cannot be opened. Please call or text the spa to book.</p></body></html>";

const NOT_FOUND_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  "<title>Link not valid</title></head><body><p>This link has expired or is not valid.</p></body></html>";

/** The whole answer of `/b/<token>`: 302 to the booking page, 404 (unknown, or an unsafe target), or 500 when the lookup failed. */
export async function handleLinkClick(request: Request, token: string): Promise<Response> {
  const noStore = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };
  try {
    const result = await recordClick({ token, userAgent: request.headers.get("user-agent"), now: new Date(), method: request.method });
    if (result && "refused" in result) {
      return new Response(UNSAFE_PAGE, { status: 404, headers: { ...noStore, "Content-Type": "text/html; charset=utf-8" } });
    }
    if (result) {
      // no-store: every tap reaches us and is counted. no-referrer: the booking site never sees the token.
      return new Response(null, { status: 302, headers: { ...noStore, Location: result.redirectTo, "Referrer-Policy": "no-referrer" } });
    }
    return new Response(NOT_FOUND_PAGE, { status: 404, headers: { ...noStore, "Content-Type": "text/html; charset=utf-8" } });
  } catch (error) {
    logError("links", error, "tracked link lookup failed");
    return new Response("This link cannot be opened right now. Please try again in a minute.", {
      status: 500,
      headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
