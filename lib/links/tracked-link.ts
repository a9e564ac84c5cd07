// The booking link in a text goes out as `${APP_URL}/b/<token>`: a click is recorded (it counts as
// engagement) and the caller is redirected to the location's booking page with UTM tags.
import { randomBytes } from "node:crypto";
import type { MessageTemplate } from "@/db/schema";
import { env } from "@/lib/env";
import { trackedLinkUrl } from "@/lib/links/link-url";
import { parseWebAddress } from "@/lib/settings/booking-url";

export type LinkCampaign = "missed_call" | "follow_up";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const TOKEN_LENGTH = 10;
/** Checked before any query: anything else in `/b/…` is answered 404 without touching the database. */
export const TOKEN_PATTERN = /^[0-9A-Za-z]{10}$/;

/**
 * 10 characters drawn uniformly from 62 with the OS CSPRNG: 62^10 ≈ 8.4 × 10^17 tokens, about
 * 59.5 bits of entropy. Even with a million links stored, a guess hits one with probability
 * ~1.2 × 10^-12, so a token cannot be enumerated to find someone's link. Bytes ≥ 248 (= 4 × 62)
 * are rejected instead of taken modulo 62, so every character is exactly equally likely.
 */
export function generateToken(): string {
  let token = "";
  while (token.length < TOKEN_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte >= 248) continue;
      token += BASE62[byte % 62];
      if (token.length === TOKEN_LENGTH) break;
    }
  }
  return token;
}

/** The campaign of the text the link goes out in: the follow-up text is its own campaign. */
export function campaignFor(situation: MessageTemplate["situation"]): LinkCampaign {
  return situation === "follow_up" ? "follow_up" : "missed_call";
}

/**
 * An absolute http(s) URL, or null. A booking link typed without a scheme ("book.spa.com/x")
 * is read as https; anything that is not a web address (javascript:, mailto:…, user:pass@host)
 * is refused.
 */
export function webUrl(raw: string): URL | null {
  const url = parseWebAddress(raw);
  if (!url) return null;
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return url.username || url.password ? null : url; // a booking page never needs credentials
}

const UTM_KEYS = new Set(["utm_source", "utm_medium", "utm_campaign"]);

/**
 * The booking URL with Rebound's UTM tags, so the spa's booking system credits the text. Its own
 * query parameters are kept byte for byte (booking vendors can be picky about encoding); UTM tags
 * it already carried are replaced, because this visit came from our text. Null: not a web address.
 */
export function bookingRedirectUrl(targetUrl: string, campaign: LinkCampaign): string | null {
  const url = webUrl(targetUrl);
  if (!url) return null;
  const kept = url.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !UTM_KEYS.has(safeDecode(pair.split("=")[0] ?? "")));
  const tags = `utm_source=rebound&utm_medium=sms&utm_campaign=${campaign}`;
  url.search = `?${[...kept, tags].join("&")}`;
  return url.toString();
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return value;
  }
}

/**
 * A new link: its token, the URL that goes in the text, and the target to store. The stored target
 * already carries the UTM tags (the table has no campaign column), so a click redirects to exactly
 * what was tagged at send time. A target that is not a web address is stored as typed and answered
 * 404 when clicked (record-click.ts logs it); it never stops the text from going out. Pure but for
 * the random token: the row is inserted with the text's message (db/queries/links.ts).
 */
export function newTrackedLink(targetUrl: string, campaign: LinkCampaign): { token: string; url: string; targetUrl: string } {
  const token = generateToken();
  return { token, url: trackedLinkUrl(env().appUrl, token), targetUrl: bookingRedirectUrl(targetUrl, campaign) ?? targetUrl };
}
