// The desk's inbox against real Postgres: filters in combination, search by digits typed any way,
// work-left counts per tab, claim / assign / done, internal notes that are never texted, quick replies,
// and one timeline holding calls, texts, callbacks, bookings and notes. Conversations come from
// signed Twilio webhooks in their real shapes (docs/provider-formats.md#twilio-dial-action, #twilio-inbound-sms).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countWorkByTab, getConversation, listConversations, markRead, type InboxRow } from "@/db/queries/conversations";
import { deleteQuickReply, insertQuickReply, listQuickReplies } from "@/db/queries/quick-replies";
import { getTimeline } from "@/db/queries/timeline";
import { bookings, callbacks, contacts, members, messages, organizations, outbox } from "@/db/schema";
import { DEMO_QUICK_REPLIES } from "@/db/seed-demo";
import { AppError } from "@/lib/errors";
import { addNote, assign, claim, setStatus, type Actor } from "@/lib/inbox/conversation-actions";
import { EMPTY_FILTER, type InboxFilter } from "@/lib/inbox/filters";
import { sendReply } from "@/lib/messaging/send-reply";
import { formatPhone } from "@/lib/phone";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness, WESTSIDE } from "./harness";
import { demoDeskAndOwner, rowsForCaller } from "./rows";

const h = useHarness();

let orgId = "";
let desk: Actor;
let owner: Actor;

beforeAll(async () => {
  ({ desk, owner } = await demoDeskAndOwner());
  orgId = desk.orgId;
});

async function missedCall(caller: string, to = DOWNTOWN): Promise<string> {
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }))).status).toBe(200);
  await h.settle();
  return conversationOf(caller);
}

async function reply(caller: string, body: string, to = DOWNTOWN): Promise<void> {
  expect((await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to, body }))).status).toBe(200);
  await h.settle();
}

/** Each test's callers are new, so each has exactly one conversation (at the number they called). */
async function conversationOf(caller: string): Promise<string> {
  const [conversation, ...more] = (await rowsForCaller(caller)).conversations;
  if (!conversation || more.length) throw new Error(`expected one conversation for ${caller}`);
  return conversation.id;
}

/** Callers of one test share a made-up surname, so a name search isolates them in the shared database. */
async function nameCallers(token: string, callers: string[]): Promise<void> {
  const db = await getDb();
  for (const [i, phone] of callers.entries())
    await db
      .update(contacts)
      .set({ name: `Caller${i} ${token}` })
      .where(eq(contacts.phone, phone));
}

/** Letters only: digits in a search make it a phone search. */
const token = () => `Zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
const list = async (filter: Partial<InboxFilter>, memberId = desk.id): Promise<InboxRow[]> =>
  (await listConversations({ orgId, memberId, filter: { ...EMPTY_FILTER, ...filter } })).rows;
const phones = (rows: InboxRow[]) => rows.map((r) => r.contactPhone).sort();

describe("inbox filters", () => {
  it("needs reply, hot, location and intent combine; the desk's answer takes a caller out of needs reply", async () => {
    const [hot, quiet, answered, westside] = [uniqueCaller(), uniqueCaller(), uniqueCaller(), uniqueCaller()];
    await missedCall(hot);
    await reply(hot, "Can I come in today?");
    await missedCall(quiet);
    const answeredId = await missedCall(answered);
    await sendReply({ orgId, memberId: desk.id, conversationId: answeredId, body: "We can see you at 4!" });
    await missedCall(westside, WESTSIDE);
    await reply(westside, "Can I come in today?", WESTSIDE);
    const name = token();
    await nameCallers(name, [hot, quiet, answered, westside]);

    expect(phones(await list({ q: name }))).toEqual([answered, hot, quiet, westside].sort());
    expect(phones(await list({ q: name, needsReply: true }))).toEqual([hot, quiet, westside].sort());
    expect(phones(await list({ q: name, needsReply: true, hot: true }))).toEqual([hot, westside].sort());
    const downtownId = (await getConversation({ orgId, conversationId: await conversationOf(hot) }))!.location.id;
    expect(phones(await list({ q: name, hot: true, locationId: downtownId }))).toEqual([hot]);
    expect(phones(await list({ q: name, intent: "today", locationId: downtownId }))).toEqual([hot]);
    expect(await list({ q: name, intent: "price" })).toEqual([]);
  });

  it("search finds a caller by digits typed any way, or by part of the name in any case", async () => {
    const caller = uniqueCaller();
    await missedCall(caller);
    const digits = caller.slice(-7); // the subscriber number: unique in this run
    const typed = [`${digits.slice(0, 3)} ${digits.slice(3, 5)}`, `${digits.slice(0, 3)}-${digits.slice(3)}`, formatPhone(caller), `(213) ${digits.slice(0, 3)}`];
    for (const q of typed) expect(phones(await list({ q })), q).toContain(caller);
    expect(phones(await list({ q: `${digits.slice(0, 3)} ${digits.slice(3)}` }))).toEqual([caller]);
    const name = token();
    await nameCallers(name, [caller]);
    expect(phones(await list({ q: name.toUpperCase().slice(0, 6) }))).toContain(caller);
    expect(phones(await list({ q: `${name}%` }))).toEqual([]); // a typed % is a character, not a wildcard
  });

  it("a done conversation leaves the open inbox and comes back by itself with the caller's next text", async () => {
    const caller = uniqueCaller();
    const id = await missedCall(caller);
    const name = token();
    await nameCallers(name, [caller]);
    // After hours the missed call also opened a callback: done asks about it, and here it stays open.
    await setStatus(desk, id, "done", { action: "keep" });
    expect(await list({ q: name })).toEqual([]);
    expect(phones(await list({ q: name, status: "done" }))).toEqual([caller]);
    expect(phones(await list({ q: name, status: "all" }))).toEqual([caller]);
    await reply(caller, "Actually, do you have Saturday?");
    expect(phones(await list({ q: name }))).toEqual([caller]);
    const events = (await rowsForCaller(caller)).events.map((e) => e.type);
    expect(events).toContain("conversation_done");
  });

  it("keyset pages keep the filters: every row of every page matches, none twice", async () => {
    const callers = [uniqueCaller(), uniqueCaller(), uniqueCaller()];
    for (const caller of callers) await missedCall(caller);
    const name = token();
    await nameCallers(name, callers);
    const filter = { ...EMPTY_FILTER, q: name, needsReply: true };
    const first = await listConversations({ orgId, memberId: desk.id, filter, limit: 2 });
    expect(first.rows).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await listConversations({ orgId, memberId: desk.id, filter, cursor: first.next, limit: 2 });
    expect(second.next).toBeNull();
    expect(phones([...first.rows, ...second.rows])).toEqual([...callers].sort());
  });
});

describe("claim, assign and work-left counts", () => {
  it("claim, a teammate's refused claim, handing over, and the mine / unassigned tabs and counts", async () => {
    const [a, b] = [uniqueCaller(), uniqueCaller()];
    const aId = await missedCall(a);
    await missedCall(b);
    await reply(b, "book me friday at 3");
    const name = token();
    await nameCallers(name, [a, b]);
    const counts = () => countWorkByTab({ orgId, memberId: desk.id, filter: { ...EMPTY_FILTER, q: name } });
    expect(await counts()).toEqual({ all: 2, needs_reply: 2, hot: 1, unassigned: 2, mine: 0 });

    await claim(desk, aId);
    expect((await getConversation({ orgId, conversationId: aId }))?.assignee).toEqual({ id: desk.id, name: "Dana Desk" });
    await expect(claim(owner, aId)).rejects.toThrow("Dana Desk already has this conversation");
    expect(phones(await list({ q: name, assignee: "mine" }))).toEqual([a]);
    expect(phones(await list({ q: name, assignee: "unassigned" }))).toEqual([b]);
    expect(await list({ q: name, assignee: "mine" }, owner.id)).toEqual([]);
    expect(await counts()).toEqual({ all: 2, needs_reply: 2, hot: 1, unassigned: 1, mine: 1 });

    await assign(desk, aId, owner.id);
    expect(phones(await list({ q: name, assignee: "mine" }, owner.id))).toEqual([a]);
    // Reading is not answering: the counts are work left, so opening the conversation changes none.
    await markRead({ orgId, conversationId: aId });
    expect(await counts()).toEqual({ all: 2, needs_reply: 2, hot: 1, unassigned: 1, mine: 0 });
    await assign(owner, aId, null);
    expect((await getConversation({ orgId, conversationId: aId }))?.assignee).toBeNull();
    const events = (await rowsForCaller(a)).events.filter((e) => e.type.startsWith("conversation_"));
    expect(events.map((e) => [e.type, e.detail?.assigneeName ?? e.detail?.memberName ?? null])).toEqual([
      ["conversation_claimed", "Dana Desk"],
      ["conversation_assigned", "Olivia Owner"],
      ["conversation_unassigned", null],
    ]);
  });

  it("nobody outside the organization can be assigned, and another spa cannot touch the conversation", async () => {
    const db = await getDb();
    const [other] = await db
      .insert(organizations)
      .values({ name: "Other Spa", slug: `other-${token().toLowerCase()}` })
      .returning();
    const [stranger] = await db
      .insert(members)
      .values({ orgId: other!.id, email: `${token()}@other.test`, name: "Sam Stranger", role: "coordinator", passwordHash: "x" })
      .returning();
    const id = await missedCall(uniqueCaller());
    await expect(assign(desk, id, stranger!.id)).rejects.toThrow(AppError);
    const outsider: Actor = { id: stranger!.id, orgId: other!.id, name: stranger!.name };
    await expect(claim(outsider, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(addNote(outsider, id, "sneaky")).rejects.toMatchObject({ code: "not_found" });
    expect((await getConversation({ orgId, conversationId: id }))?.assignee).toBeNull();
  });
});

describe("notes and the timeline", () => {
  it("an internal note shows in the timeline with its author and is never texted", async () => {
    const caller = uniqueCaller();
    const id = await missedCall(caller);
    h.standIn.reset();
    const before = await rowsForCaller(caller);
    await addNote(desk, id, "Prefers a call after 5. <b>VIP</b>");
    await h.settle();
    expect(h.standIn.messages).toEqual([]);
    const after = await rowsForCaller(caller);
    expect(after.messages).toHaveLength(before.messages.length);
    const db = await getDb();
    const queued = await db.select().from(outbox).innerJoin(messages, eq(messages.id, outbox.messageId)).where(eq(messages.body, "Prefers a call after 5. <b>VIP</b>"));
    expect(queued).toEqual([]);
    const detail = (await getConversation({ orgId, conversationId: id }))!;
    const items = await getTimeline({ orgId, conversationId: id, contactId: detail.contact.id, locationId: detail.location.id });
    const note = items.find((i) => i.kind === "note");
    expect(note).toMatchObject({ authorName: "Dana Desk", note: { body: "Prefers a call after 5. <b>VIP</b>" } });
    expect(items.findIndex((i) => i.kind === "note")).toBeGreaterThan(items.findIndex((i) => i.kind === "call"));
  });

  it("calls, texts, callbacks (created, completed with outcome), bookings and notes read in order", async () => {
    const caller = uniqueCaller();
    const id = await missedCall(caller);
    await reply(caller, "Can I come in today?"); // hot: a callback task is opened
    const db = await getDb();
    const detail = (await getConversation({ orgId, conversationId: id }))!;
    const [task] = await db.select().from(callbacks).where(eq(callbacks.conversationId, id));
    expect(task).toBeDefined();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    await tick();
    await db.update(callbacks).set({ status: "done", outcome: "booked", completedAt: new Date() }).where(eq(callbacks.id, task!.id));
    await tick();
    await db
      .insert(bookings)
      .values({ orgId, locationId: detail.location.id, contactId: detail.contact.id, conversationId: id, treatment: "Botox", valueCents: 42_000, source: "inbox" });
    await tick();
    await addNote(desk, id, "Booked for Friday.");

    const items = await getTimeline({ orgId, conversationId: id, contactId: detail.contact.id, locationId: detail.location.id });
    const kinds = items.map((i) => (i.kind === "callback" ? `callback:${i.phase}` : i.kind === "message" ? `message:${i.message.direction}` : i.kind));
    const at = (kind: string) => kinds.indexOf(kind);
    expect(kinds[0]).toBe("call");
    expect(at("message:outbound")).toBeLessThan(at("message:inbound"));
    // The task exists from the missed call (after hours) or from the hot reply (open hours).
    expect(at("callback:created")).toBeGreaterThan(0);
    expect(at("callback:created")).toBeLessThan(at("callback:completed"));
    expect(at("message:inbound")).toBeLessThan(at("callback:completed"));
    expect(at("callback:completed")).toBeLessThan(at("booking"));
    expect(at("booking")).toBeLessThan(at("note"));
    expect(items.find((i) => i.kind === "callback" && i.phase === "completed")).toMatchObject({ callback: { outcome: "booked" } });
    expect(items.find((i) => i.kind === "booking")).toMatchObject({ booking: { treatment: "Botox", valueCents: 42_000, status: "booked" } });
    // The same task is not told twice: the table replaces the old "callback created" event line.
    expect(items.filter((i) => i.kind === "event" && i.event.type === "callback_created")).toEqual([]);
  });
});

describe("quick replies", () => {
  it("the demo spa starts with four, and each spa sees, adds and deletes only its own", async () => {
    const db = await getDb();
    const demo = await listQuickReplies({ orgId });
    for (const q of DEMO_QUICK_REPLIES) expect(demo.map((r) => r.title)).toContain(q.title);
    const [other] = await db
      .insert(organizations)
      .values({ name: "Another Spa", slug: `another-${token().toLowerCase()}` })
      .returning();
    const added = await insertQuickReply({ orgId: other!.id, title: "Hours", body: "We're open 9 to 7." });
    expect(await listQuickReplies({ orgId: other!.id })).toEqual([added]);
    expect((await listQuickReplies({ orgId })).map((r) => r.id)).not.toContain(added!.id);
    expect(await deleteQuickReply({ orgId, quickReplyId: added!.id })).toBeNull(); // not Glow's to delete
    expect(await deleteQuickReply({ orgId: other!.id, quickReplyId: added!.id })).toEqual({ title: "Hours" });
    expect(await listQuickReplies({ orgId: other!.id })).toEqual([]);
  });
});
