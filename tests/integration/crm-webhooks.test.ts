// Outgoing CRM webhooks end to end: events queued in a transaction reach a local receiver that
// verifies them with the off-the-shelf Standard Webhooks library; retries, dead ends, replays and
// concurrent sweepers behave as a spa's CRM needs them to.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db/client";
import { listCrmDeliveries, type CrmDeliveryCursor } from "@/db/queries/crm";
import { contacts, crmDeliveries, organizations } from "@/db/schema";
import { DEMO_ORG } from "@/db/seed-demo";
import { replayCrmDelivery, sweepCrmDeliveries } from "@/lib/crm/deliver";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { callbackCreatedEvent, callMissedEvent, contactTaggedEvent, replyReceivedEvent, bookingRecordedEvent, type CrmEvent } from "@/lib/crm/events";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";

const h = useHarness();

const secret = `whsec_${randomBytes(32).toString("base64")}`;
type Received = { path: string; id: string; verified: boolean; payload: unknown; status: number };

/** A spa's CRM: verifies every request with standardwebhooks, answers from a per-path script. */
class Receiver {
  received: Received[] = [];
  private scripts = new Map<string, number[]>();
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
      const path = req.url ?? "";
      let payload: unknown = null;
      let verified = false;
      try {
        payload = new Webhook(secret).verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
      const status = verified ? (this.scripts.get(path)?.shift() ?? 200) : 401;
      this.received.push({ path, id: headers["webhook-id"] ?? "", verified, payload, status });
      const delay = path.startsWith("/slow") ? 30 : 0;
      setTimeout(() => res.writeHead(status).end(), delay);
    });
  });
  base = "";

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async close() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
  /** Answers the next requests to `path` with these statuses, then 200. */
  script(path: string, statuses: number[]) {
    this.scripts.set(path, statuses);
  }
  at(path: string) {
    return this.received.filter((r) => r.path === path);
  }
}

const receiver = new Receiver();
let orgId = "";

beforeAll(async () => {
  // The receiver is a local stand-in on loopback: exempt exactly it (docs/security-crm.md).
  process.env.CRM_ALLOW_PRIVATE_HOSTS = "127.0.0.1";
  await receiver.start();
  const db = await getDb();
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
  if (!org) throw new Error("demo organization missing");
  orgId = org.id;
});

afterAll(async () => {
  delete process.env.CRM_ALLOW_PRIVATE_HOSTS;
  await configureCrm(null); // later test files must not start queueing CRM events
  await receiver.close();
});

let pathCounter = 0;
/** Points the demo spa's CRM webhook at a fresh path of the receiver (or removes it). */
async function configureCrm(path: string | null): Promise<string> {
  const unique = path ? `${path}-${++pathCounter}` : "";
  const db = await getDb();
  await db
    .update(organizations)
    .set({ crmWebhookUrl: path ? `${receiver.base}${unique}` : null, crmWebhookSecret: path ? secret : null })
    .where(eq(organizations.id, orgId));
  return unique;
}

function contactRow() {
  return { id: randomUUID(), phone: uniqueCaller(), name: null, kind: "new_lead" as const };
}

const contact = contactRow();
const allEvents: CrmEvent[] = [
  contactTaggedEvent(contact),
  callMissedEvent({
    call: {
      id: randomUUID(),
      locationId: randomUUID(),
      provider: "twilio",
      fromNumber: contact.phone,
      toNumber: "+13105550100",
      disposition: "missed",
      leakSource: "peak_overflow",
      startedAt: new Date(),
      durationSeconds: 22,
      voicemailUrl: null,
    },
    contact,
  }),
  replyReceivedEvent({
    message: {
      id: randomUUID(),
      conversationId: randomUUID(),
      fromNumber: contact.phone,
      toNumber: "+13105550100",
      body: "Can I come in today?",
      sentAt: new Date(),
      createdAt: new Date(),
    },
    contact,
    keyword: null,
  }),
  callbackCreatedEvent({
    callback: { id: randomUUID(), locationId: randomUUID(), conversationId: null, callId: null, reason: "voicemail", priority: "hot", dueAt: new Date() },
    contact,
  }),
  bookingRecordedEvent({
    booking: { id: randomUUID(), locationId: randomUUID(), callId: null, treatment: "Lip filler", valueCents: 65_000, source: "callback", status: "booked", bookedFor: null },
    contact,
  }),
];

/** Queues events in one transaction, as the recovery flows do. */
async function enqueue(events: CrmEvent[]): Promise<(string | null)[]> {
  return transaction(async (tx) => {
    const ids: (string | null)[] = [];
    for (const event of events) ids.push(await enqueueCrmEvent(tx, { orgId, ...event }));
    return ids;
  });
}

async function rowsFor(eventIds: (string | null)[]) {
  const db = await getDb();
  const ids = eventIds.filter((id): id is string => id !== null);
  return db.select().from(crmDeliveries).where(inArray(crmDeliveries.eventId, ids));
}

/** Sweeps until nothing due is left (a sweep takes at most a couple per organization). */
async function sweepAll(): Promise<number> {
  let total = 0;
  for (let taken = await sweepCrmDeliveries(); taken > 0; taken = await sweepCrmDeliveries()) total += taken;
  return total;
}

/** Makes a waiting retry due now instead of sleeping through its backoff. */
async function makeDue(eventId: string) {
  const db = await getDb();
  await db
    .update(crmDeliveries)
    .set({ nextAttemptAt: new Date(Date.now() - 1000) })
    .where(eq(crmDeliveries.eventId, eventId));
}

describe("outgoing CRM webhooks", () => {
  it("delivers each event once, signed so the standard verifier accepts it, in the documented shape", async () => {
    const path = await configureCrm("/crm");
    const ids = await enqueue(allEvents);
    expect(ids.every((id) => id?.startsWith("msg_"))).toBe(true);

    await sweepAll();
    await sweepAll(); // nothing left to send: delivered rows are never posted again

    const got = receiver.at(path);
    expect(got.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(got.every((r) => r.verified)).toBe(true);
    for (const [i, event] of allEvents.entries()) {
      const request = got.find((r) => r.id === ids[i]);
      expect(request?.payload).toEqual({ type: event.type, timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), data: JSON.parse(JSON.stringify(event.data)) });
    }
    const contactTagged = got.find((r) => r.id === ids[0]);
    expect(contactTagged?.payload).toMatchObject({ data: { contact: { id: contact.id, phone: contact.phone, kind: "new_lead", lead_status: "new_inbound" } } });
    const rows = await rowsFor(ids);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null, deliveredAt: expect.any(Date) });
  });

  it("a receiver answering 500 twice then 200 gets the event delivered once, after three attempts", async () => {
    const path = await configureCrm("/flaky");
    receiver.script(path, [500, 500]);
    const [eventId] = await enqueue(allEvents.slice(1, 2));
    if (!eventId) throw new Error("not queued");

    await sweepAll();
    const [afterFirst] = await rowsFor([eventId]);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(afterFirst!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await sweepAll(); // backing off: not due yet
    expect(receiver.at(path)).toHaveLength(1);

    await makeDue(eventId);
    await sweepAll();
    await makeDue(eventId);
    await sweepAll();

    const got = receiver.at(path);
    expect(got.map((r) => [r.id, r.status])).toEqual([
      [eventId, 500],
      [eventId, 500],
      [eventId, 200],
    ]);
    expect(got.every((r) => r.verified)).toBe(true);
    const [row] = await rowsFor([eventId]);
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
  });

  it("a receiver answering 410 kills the delivery after one attempt; once fixed, a replay delivers it", async () => {
    const path = await configureCrm("/gone");
    receiver.script(path, [410]);
    const [eventId] = await enqueue(allEvents.slice(0, 1));
    if (!eventId) throw new Error("not queued");

    await sweepAll();
    await makeDue(eventId);
    await sweepAll();
    expect(receiver.at(path)).toHaveLength(1);
    const [dead] = await rowsFor([eventId]);
    expect(dead).toMatchObject({ status: "dead", attempts: 1, lastStatusCode: 410, lastError: "HTTP 410" });

    expect(await replayCrmDelivery({ orgId, deliveryId: dead!.id })).toBe(true);
    await sweepAll();
    expect(receiver.at(path).map((r) => [r.id, r.status])).toEqual([
      [eventId, 410],
      [eventId, 200],
    ]);
    expect((await rowsFor([eventId]))[0]).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200 });
  });

  it("an organization without a CRM URL queues nothing", async () => {
    await configureCrm(null);
    const db = await getDb();
    const before = await db.$count(crmDeliveries, eq(crmDeliveries.orgId, orgId));
    expect(await enqueue(allEvents)).toEqual([null, null, null, null, null]);
    expect(await db.$count(crmDeliveries, eq(crmDeliveries.orgId, orgId))).toBe(before);
  });

  it("replay re-sends a delivered event with the same webhook-id, only for its own organization", async () => {
    const path = await configureCrm("/replay");
    const [eventId] = await enqueue(allEvents.slice(2, 3));
    if (!eventId) throw new Error("not queued");
    const [queued] = await rowsFor([eventId]);
    expect(await replayCrmDelivery({ orgId, deliveryId: queued!.id })).toBe(false); // still pending: nothing to replay
    await sweepAll();

    expect(await replayCrmDelivery({ orgId: randomUUID(), deliveryId: queued!.id })).toBe(false);
    await sweepAll();
    expect(receiver.at(path)).toHaveLength(1);

    expect(await replayCrmDelivery({ orgId, deliveryId: queued!.id })).toBe(true);
    expect((await rowsFor([eventId]))[0]).toMatchObject({ status: "pending", eventId });
    await sweepAll();
    const got = receiver.at(path);
    expect(got.map((r) => r.id)).toEqual([eventId, eventId]);
    expect(got.every((r) => r.verified)).toBe(true);
    expect(got[1]?.payload).toEqual(got[0]?.payload);
    expect((await rowsFor([eventId]))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("two sweeps running at once never deliver the same row twice", async () => {
    const path = await configureCrm("/slow");
    const events = Array.from({ length: 20 }, () => contactTaggedEvent(contactRow()));
    const ids = await enqueue(events);

    // Two sweepers draining in small batches, so their claims overlap many times.
    const drain = async () => {
      let total = 0;
      for (;;) {
        const taken = await sweepCrmDeliveries({ maxOrgs: 1, perOrg: 2 });
        if (taken === 0) return total;
        total += taken;
      }
    };
    const taken = await Promise.all([drain(), drain()]);
    // (How the 20 split between the two depends on scheduling; what matters is that none is taken twice.
    // The sweeps may also take another spa's retry that comes due meanwhile, e.g. a test event an
    // earlier test file queued for an unreachable CRM: at least these 20, each once, checked below.)
    expect(taken[0] + taken[1]).toBeGreaterThanOrEqual(20);
    const got = receiver.at(path).map((r) => r.id);
    expect(got).toHaveLength(20);
    expect(new Set(got)).toEqual(new Set(ids));
    const rows = await rowsFor(ids);
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
  });

  it("the delivery log pages newest first without skipping or repeating rows queued together", async () => {
    await configureCrm("/log");
    await enqueue(allEvents);
    const db = await getDb();
    const all = await db.select({ id: crmDeliveries.id }).from(crmDeliveries).where(eq(crmDeliveries.orgId, orgId));

    const seen: string[] = [];
    let cursor: CrmDeliveryCursor | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCrmDeliveries>> = await listCrmDeliveries({ orgId, limit: 2, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all.map((r) => r.id)));
    const first = await listCrmDeliveries({ orgId, limit: 5 });
    expect(first.rows.map((r) => r.eventType).sort()).toEqual(allEvents.map((e) => e.type).sort());
    await sweepAll(); // leave nothing pending for later tests
  });
});

describe("CRM events of a missed call", () => {
  afterAll(async () => {
    // Only queued here, never swept: later test files must not find them waiting to be sent.
    const db = await getDb();
    await db.delete(crmDeliveries).where(and(eq(crmDeliveries.orgId, orgId), eq(crmDeliveries.status, "pending")));
  });

  async function missedCallFrom(caller: string) {
    const response = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
    expect(response.status).toBe(200);
    await h.settle();
  }
  /** The events queued about this caller, by type. */
  async function queuedAbout(caller: string): Promise<Map<string, Record<string, unknown>>> {
    const db = await getDb();
    const rows = await db.select().from(crmDeliveries).where(eq(crmDeliveries.orgId, orgId));
    const mine = rows.filter((r) => JSON.stringify(r.payload).includes(caller));
    return new Map(mine.map((r) => [r.eventType, (r.payload as { data: Record<string, unknown> }).data]));
  }

  it("a first-time caller is reported as a new lead and a missed call, once each", async () => {
    await configureCrm("/missed");
    const caller = uniqueCaller();
    await missedCallFrom(caller);
    const queued = await queuedAbout(caller);
    expect([...queued.keys()].filter((t) => t !== "callback.created").sort()).toEqual(["call.missed", "contact.tagged"]);
    expect(queued.get("contact.tagged")).toMatchObject({ contact: { phone: caller, kind: "new_lead", lead_status: "new_inbound" } });
    expect(queued.get("call.missed")).toMatchObject({ call: { from: caller, to: DOWNTOWN }, contact: { phone: caller } });
  });

  it("an existing client gets a callback task, reported with the client's details", async () => {
    await configureCrm("/client");
    const caller = uniqueCaller();
    const db = await getDb();
    await db.insert(contacts).values({ orgId, phone: caller, name: "Rosa Client", kind: "client" });
    await missedCallFrom(caller);
    const queued = await queuedAbout(caller);
    expect(queued.has("contact.tagged")).toBe(false); // not a new lead
    expect(queued.get("call.missed")).toMatchObject({ contact: { phone: caller, name: "Rosa Client", kind: "client" } });
    expect(queued.get("callback.created")).toMatchObject({
      callback: { reason: "Existing client missed: call back" },
      contact: { phone: caller, name: "Rosa Client", kind: "client" },
    });
  });

  it("a spa without a CRM URL queues nothing for a missed call", async () => {
    await configureCrm(null);
    const caller = uniqueCaller();
    const db = await getDb();
    await db.insert(contacts).values({ orgId, phone: caller, kind: "client" }); // a callback opens too
    await missedCallFrom(caller);
    expect((await queuedAbout(caller)).size).toBe(0);
    expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(1); // the text still went
  });
});
