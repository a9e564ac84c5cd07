// Issue 13, items 1, 8, 9 and 14 on a real database: a spa that signed up but has no opening hours
// or booking link records its calls and opens callbacks but texts nobody (and says why, in the
// timeline and the calls log); once the owner sets both it texts with the owner's link; booking
// values are for members who may see revenue; a booked new lead becomes a client.
import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { TimelineBooking } from "@/components/inbox/timeline-task";
import { eventText } from "@/components/inbox/timeline-event";
import { callOutcome } from "@/lib/calls/call-outcome";
import { getDb } from "@/db/client";
import { listCalls } from "@/db/queries/calls-list";
import { findMemberByEmail } from "@/db/queries/members";
import { getTimeline } from "@/db/queries/timeline";
import { replaceTreatments } from "@/db/queries/treatments";
import { bookings, callbacks, contacts, locationHours, locations, organizations, phoneNumbers, trackedLinks, treatments } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { readBookingMenu } from "@/lib/bookings/read-menu";
import { recordBooking } from "@/lib/bookings/record-booking";
import { TREATMENT_SUGGESTIONS } from "@/lib/bookings/treatments";
import { readChecklist } from "@/lib/onboarding/status";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { NOT_SET_UP_CALLBACK, SKIP_REASON_TEXT } from "@/lib/intake/policy/reasons";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();
let addresses = 0;

/** A spa created through the real signup, with the number its callers dial (on Twilio). */
async function newSpa() {
  addresses += 1;
  const email = `setup-${randomBytes(4).toString("hex")}@spa.test`;
  const result = await signUpOrganization({ spaName: "Halo Skin", name: "Hana Owner", email, password: "correct-horse-battery", timezone: "UTC" }, { ip: `198.19.7.${addresses}` });
  if (!result.ok) throw new Error(result.message);
  const db = await getDb();
  const [location] = await db.select().from(locations).where(eq(locations.orgId, result.orgId));
  const number = uniqueCaller();
  await db.insert(phoneNumbers).values({ orgId: result.orgId, locationId: location!.id, e164: number, provider: "twilio" });
  return { orgId: result.orgId, ownerId: result.memberId, location: location!, number };
}

async function missedCall(to: string) {
  const caller = uniqueCaller();
  const before = Date.now();
  expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to }))).status).toBe(200);
  await h.settle();
  return { caller, before, rows: await rowsForCaller(caller) };
}

describe("a location that is not set up (issue 13, item 1)", () => {
  it("signup stores no booking link, no hours and no booking value", async () => {
    const spa = await newSpa();
    expect(spa.location.bookingUrl).toBeNull();
    const db = await getDb();
    expect(await db.select().from(locationHours).where(eq(locationHours.locationId, spa.location.id))).toEqual([]);
    expect(await db.select().from(treatments).where(eq(treatments.orgId, spa.orgId))).toEqual([]);
    // The Mark booked dialog of a new spa: the common treatments, none with a value.
    const menu = await readBookingMenu({ orgId: spa.orgId, role: "owner" });
    expect(menu.items.map((i) => i.name)).toEqual([...TREATMENT_SUGGESTIONS]);
    expect(menu.items.every((i) => i.valueCents === null)).toBe(true);
    expect((await readChecklist(spa.orgId))!.texting).toEqual({
      held: true,
      text: expect.stringMatching(/^Automatic texts are held until opening hours and a booking link are set\./),
    });
  });

  it("records the call, texts nobody, opens a callback due now and says why in the timeline and the calls log", async () => {
    const spa = await newSpa();
    const { caller, before, rows } = await missedCall(spa.number);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]!.leakSource).toBe("other"); // neither "open" nor "after hours": there are no hours
    expect(rows.messages).toEqual([]);
    expect(rows.followUps).toEqual([]);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toEqual([]);

    const skipped = rows.events.find((e) => e.type === "text_skipped");
    expect(skipped?.reason).toBe("location_not_set_up");
    const db = await getDb();
    const [callback] = await db.select().from(callbacks).where(eq(callbacks.contactId, rows.contact!.id));
    expect(callback).toMatchObject({ status: "open", reason: NOT_SET_UP_CALLBACK });
    expect(callback!.dueAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(callback!.dueAt.getTime()).toBeLessThanOrEqual(Date.now());

    const conversation = rows.conversations[0]!;
    const items = await getTimeline({ orgId: spa.orgId, conversationId: conversation.id, contactId: rows.contact!.id, locationId: spa.location.id });
    const shown = items.flatMap((item) => (item.kind === "event" ? [eventText(item.event)] : []));
    expect(shown).toContain(`Not texted: ${SKIP_REASON_TEXT.location_not_set_up}`);
    expect(SKIP_REASON_TEXT.location_not_set_up).toMatch(/not set up yet: automatic texts are held until an owner sets its opening hours and booking link/);
    expect(SKIP_REASON_TEXT.location_not_set_up).not.toMatch(/closed/i);

    const { rows: logged } = await listCalls({ orgId: spa.orgId, filters: {}, sort: { id: "time", desc: true }, limit: 25, offset: 0 });
    expect(logged.map((r) => callOutcome(r))).toEqual([{ kind: "not_texted", text: `Not texted: ${SKIP_REASON_TEXT.location_not_set_up}`, callbackCreated: true }]);
  });

  it("hours alone are not enough; with hours and the owner's booking link it texts, with that link", async () => {
    const spa = await newSpa();
    const db = await getDb();
    await db.insert(locationHours).values([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ locationId: spa.location.id, weekday, opensMinute: 0, closesMinute: 1440 })));
    const hoursOnly = await missedCall(spa.number);
    expect(hoursOnly.rows.messages).toEqual([]);
    expect(hoursOnly.rows.events.find((e) => e.type === "text_skipped")?.reason).toBe("location_not_set_up");

    await db.update(locations).set({ bookingUrl: "https://book.haloskin.example/" }).where(eq(locations.id, spa.location.id));
    const ready = await missedCall(spa.number);
    expect(ready.rows.messages.map((m) => m.templateSituation)).toEqual(["open"]);
    expect(ready.rows.messages[0]!.body).not.toContain("example.com");
    expect(ready.rows.messages[0]!.body).not.toMatch(/closed/i);
    const links = await db.select().from(trackedLinks).where(eq(trackedLinks.contactId, ready.rows.contact!.id));
    expect(links.map((l) => new URL(l.targetUrl).host)).toEqual(["book.haloskin.example", "book.haloskin.example"]); // text-back and follow-up
    expect((await readChecklist(spa.orgId))!.texting.held).toBe(false);
  });

  it("the demo spa is set up and keeps texting", async () => {
    const { rows } = await missedCall(DOWNTOWN);
    expect(rows.messages).toHaveLength(1);
    expect(rows.events.some((e) => e.type === "text_skipped")).toBe(false);
  });
});

describe("bookings (issue 13, items 8, 9 and 14)", () => {
  let orgId = "";
  let deskId = "";
  beforeAll(async () => {
    const db = await getDb();
    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
    orgId = org!.id;
    deskId = (await findMemberByEmail({ email: "desk@glow.test" }))!.id;
  });

  it("a booked new lead becomes a client, and the timeline says so; a billing contact stays billing", async () => {
    const lead = await missedCall(DOWNTOWN);
    expect(lead.rows.contact!.kind).toBe("new_lead");
    const conversationId = lead.rows.conversations[0]!.id;
    await recordBooking({ orgId, memberId: deskId, conversationId, treatment: "Botox", valueCents: 65_000 });
    const db = await getDb();
    const [after] = await db.select().from(contacts).where(eq(contacts.id, lead.rows.contact!.id));
    expect(after!.kind).toBe("client");
    const items = await getTimeline({ orgId, conversationId, contactId: after!.id, locationId: lead.rows.conversations[0]!.locationId });
    expect(items.flatMap((i) => (i.kind === "event" ? [eventText(i.event)] : []))).toContain("Now a client: they booked.");

    const billing = await missedCall(DOWNTOWN);
    await db.update(contacts).set({ kind: "billing" }).where(eq(contacts.id, billing.rows.contact!.id));
    await recordBooking({ orgId, memberId: deskId, conversationId: billing.rows.conversations[0]!.id, treatment: "Consult", valueCents: 15_000 });
    const [kept] = await db.select().from(contacts).where(eq(contacts.id, billing.rows.contact!.id));
    expect(kept!.kind).toBe("billing");
  });

  it("the demo menu carries a value per treatment; a coordinator without revenue rights gets the names only", async () => {
    const owner = await readBookingMenu({ orgId, role: "owner" });
    expect(owner.showValues).toBe(true);
    expect(owner.items.find((i) => i.name === "Botox")?.valueCents).toBe(65_000);
    expect(owner.items.find((i) => i.name === "Morpheus8")?.valueCents).toBe(240_000);
    expect(new Set(owner.items.map((i) => i.valueCents)).size).toBeGreaterThan(5); // not one average for all

    const db = await getDb();
    await db.update(organizations).set({ coordinatorsSeeRevenue: false }).where(eq(organizations.id, orgId));
    const desk = await readBookingMenu({ orgId, role: "coordinator" });
    expect(desk.showValues).toBe(false);
    expect(desk.items.map((i) => i.name)).toEqual(owner.items.map((i) => i.name));
    expect(desk.items.every((i) => i.valueCents === null)).toBe(true);

    await db.update(organizations).set({ coordinatorsSeeRevenue: true }).where(eq(organizations.id, orgId));
    expect((await readBookingMenu({ orgId, role: "coordinator" })).items.find((i) => i.name === "Botox")?.valueCents).toBe(65_000);
    await db.update(organizations).set({ coordinatorsSeeRevenue: false }).where(eq(organizations.id, orgId));
  });

  it("the timeline shows a booking's value only where revenue may be seen", async () => {
    const db = await getDb();
    const [booking] = await db
      .select()
      .from(bookings)
      .where(and(eq(bookings.orgId, orgId), eq(bookings.treatment, "Botox")))
      .limit(1);
    const render = (showValue: boolean) =>
      renderToStaticMarkup(createElement(TimelineBooking, { booking: { ...booking!, valueCents: 123_400 }, timezone: "America/Los_Angeles", showValue }));
    expect(render(true)).toContain("$1,234");
    expect(render(false)).not.toContain("$");
    expect(render(false)).toContain("Botox");
  });

  it("an owner's menu replaces the whole menu, in order, another spa's untouched", async () => {
    const spa = await newSpa();
    await replaceTreatments({
      orgId: spa.orgId,
      rows: [
        { name: "Peel", defaultValueCents: 20_000 },
        { name: "Consult", defaultValueCents: null },
      ],
    });
    expect((await readBookingMenu({ orgId: spa.orgId, role: "owner" })).items).toEqual([
      { name: "Peel", valueCents: 20_000 },
      { name: "Consult", valueCents: null },
    ]);
    expect((await readBookingMenu({ orgId, role: "owner" })).items.find((i) => i.name === "Botox")?.valueCents).toBe(65_000);
  });
});
