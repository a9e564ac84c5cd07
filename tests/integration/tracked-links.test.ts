// The booking link in a text: /b/<token> counts a person's tap and sends them on to the booking page.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, resolveDb } from "@/db/client";
import { upsertContact } from "@/db/queries/contacts";
import { touchConversation } from "@/db/queries/conversations";
import { linkClicks, locations, organizations, trackedLinks } from "@/db/schema";
import { GET } from "@/app/b/[token]/route";
import { insertTrackedLinks } from "@/db/queries/links";
import { newTrackedLink, type LinkCampaign } from "@/lib/links/tracked-link";
import { APP_URL, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

// Wrapped so a test can prove that a malformed token never reaches the database (every query resolves its executor here).
vi.mock("@/db/client", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/db/client")>();
  return { ...original, resolveDb: vi.fn(original.resolveDb) };
});

useHarness();

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const IMESSAGE_PREVIEW =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0";
const DOWNTOWN_BOOKING = "https://book.glowmedspa.example/downtown";

let orgId = "";
let downtownId = "";

beforeAll(async () => {
  const db = await getDb();
  const [row] = await db
    .select({ orgId: organizations.id, locationId: locations.id, bookingUrl: locations.bookingUrl })
    .from(locations)
    .innerJoin(organizations, eq(organizations.id, locations.orgId))
    .where(and(eq(organizations.slug, "glow"), eq(locations.name, "Downtown")));
  if (!row) throw new Error("the demo spa is not seeded");
  expect(row.bookingUrl).toBe(DOWNTOWN_BOOKING);
  orgId = row.orgId;
  downtownId = row.locationId;
});

/** A caller who was texted an hour ago, and the tracked link that text carried. */
async function textedCaller(options: { campaign?: LinkCampaign; targetUrl?: string } = {}) {
  const phone = uniqueCaller();
  const { contact } = await upsertContact({ orgId, phone });
  const conversation = await touchConversation({
    orgId,
    locationId: downtownId,
    contactId: contact.id,
    kind: "text_sent",
    at: new Date(Date.now() - 3600_000),
    preview: "Sorry we missed you",
  });
  const link = newTrackedLink(options.targetUrl ?? DOWNTOWN_BOOKING, options.campaign ?? "missed_call");
  await insertTrackedLinks([{ orgId, locationId: downtownId, contactId: contact.id, conversationId: conversation.id, callId: null, token: link.token, targetUrl: link.targetUrl }]);
  return { phone, contact, conversation, link };
}

function open(token: string, init: { userAgent?: string; method?: string } = {}): Promise<Response> {
  const headers = new Headers(init.userAgent ? { "user-agent": init.userAgent } : {});
  return GET(new Request(`${APP_URL}/b/${encodeURIComponent(token)}`, { method: init.method ?? "GET", headers }), { params: Promise.resolve({ token }) });
}

async function clicksOn(token: string) {
  const db = await getDb();
  return db
    .select({ userAgent: linkClicks.userAgent, clickedAt: linkClicks.clickedAt })
    .from(linkClicks)
    .innerJoin(trackedLinks, eq(trackedLinks.id, linkClicks.linkId))
    .where(eq(trackedLinks.token, token));
}

describe("tracked booking links", () => {
  it("redirects a tap to the booking page with UTM tags, counts the click and lifts the conversation", async () => {
    const { phone, contact, conversation, link } = await textedCaller();
    expect(link.url).toBe(`${APP_URL}/b/${link.token}`);
    expect(link.token).toMatch(/^[0-9A-Za-z]{10}$/);

    const response = await open(link.token, { userAgent: IPHONE });

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${DOWNTOWN_BOOKING}?utm_source=rebound&utm_medium=sms&utm_campaign=missed_call`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await clicksOn(link.token)).toEqual([{ userAgent: IPHONE, clickedAt: expect.any(Date) }]);
    const rows = await rowsForCaller(phone);
    const clicked = rows.events.filter((e) => e.type === "link_clicked");
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({ orgId, locationId: downtownId, contactId: contact.id, conversationId: conversation.id });
    expect(rows.conversations).toHaveLength(1);
    expect(rows.conversations[0]).toMatchObject({ id: conversation.id, lastActivityKind: "link_clicked", lastMessagePreview: "Sorry we missed you" });
    expect(rows.conversations[0]!.lastActivityAt.getTime()).toBeGreaterThan(conversation.lastActivityAt.getTime());
  });

  it("counts every tap, and tags a follow-up text's link as the follow_up campaign keeping the page's own parameters", async () => {
    const { phone, link } = await textedCaller({ campaign: "follow_up", targetUrl: `${DOWNTOWN_BOOKING}?service=lip-filler` });

    const first = await open(link.token, { userAgent: IPHONE });
    const second = await open(link.token, { userAgent: IPHONE });

    expect(first.headers.get("location")).toBe(`${DOWNTOWN_BOOKING}?service=lip-filler&utm_source=rebound&utm_medium=sms&utm_campaign=follow_up`);
    expect(second.status).toBe(302);
    expect(await clicksOn(link.token)).toHaveLength(2);
    expect((await rowsForCaller(phone)).events.filter((e) => e.type === "link_clicked")).toHaveLength(2);
  });

  it("redirects a link preview, a HEAD check and an agent-less fetch without counting a click", async () => {
    const { phone, link } = await textedCaller();

    const preview = await open(link.token, { userAgent: IMESSAGE_PREVIEW });
    const head = await open(link.token, { userAgent: IPHONE, method: "HEAD" });
    const bare = await open(link.token);

    for (const response of [preview, head, bare]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${DOWNTOWN_BOOKING}?utm_source=rebound&utm_medium=sms&utm_campaign=missed_call`);
    }
    expect(await clicksOn(link.token)).toEqual([]);
    const rows = await rowsForCaller(phone);
    expect(rows.events.map((e) => e.type)).not.toContain("link_clicked");
    expect(rows.conversations[0]?.lastActivityKind).toBe("text_sent");
  });

  it("answers 404 with a sentence for a well-formed token nobody was sent", async () => {
    const response = await open("Zz9Zz9Zz9Z", { userAgent: IPHONE });

    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("This link has expired or is not valid.");
  });

  it.each(["short", "abcdefghijk", "abc'; drop", "../../etc/x"])("answers 404 for the malformed token %j without querying", async (token) => {
    vi.mocked(resolveDb).mockClear();

    const response = await open(token, { userAgent: IPHONE });

    expect(response.status).toBe(404);
    expect(await response.text()).toContain("This link has expired or is not valid.");
    expect(resolveDb).not.toHaveBeenCalled();
  });

  // Issue 12, item 16: whatever a link was stored with, a tap never leads to plain http, an IP address or a local name.
  it.each([
    "http://book.glowmedspa.example/downtown",
    "https://127.0.0.1/admin",
    "https://169.254.169.254/latest/meta-data/",
    "https://[::1]:8443/",
    "https://2130706433/",
    "https://localhost/",
    "javascript:alert(1)",
  ])("refuses to redirect to %j: an error page, no click, and a refused event for the spa that sent it", async (targetUrl) => {
    const { link, phone } = await textedCaller({ targetUrl });
    const response = await open(link.token, { userAgent: IPHONE });

    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("This booking link cannot be opened. Please call or text the spa to book.");
    expect(await clicksOn(link.token)).toHaveLength(0);
    const rows = await rowsForCaller(phone);
    expect(rows.events.filter((e) => e.type === "refused")).toEqual([expect.objectContaining({ orgId, reason: "unsafe_booking_url" })]);
  });
});
