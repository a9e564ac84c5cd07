// Issue 12 item 5, replayed: one spa's CRM endpoint is a tarpit (accepts the connection, never
// answers). Another spa's delayed text-back must still go out on time, because texts, CRM
// deliveries and rollups run on independent loops (started here exactly as the server starts them).
// Also: CRM work is capped per organization, and an endpoint that keeps failing trips a circuit
// breaker that pauses (never drops) its deliveries.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { CRM_BREAKER, getCrmCircuit } from "@/db/queries/crm";
import { crmDeliveries, locations, messages, organizations, outbox } from "@/db/schema";
import { CRM_SWEEP, sweepCrmDeliveries } from "@/lib/crm/deliver";
import { describeCrmCircuit } from "@/lib/crm/describe";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { contactTaggedEvent } from "@/lib/crm/events";
import { saveCrmUrl } from "@/lib/integrations/crm";
import { startSweeper } from "@/lib/messaging/sweeper";
import { signUpOrganization } from "@/lib/onboarding/signup";
import { localTime } from "@/lib/schedule/hours";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";

const h = useHarness();

/** Accepts every connection and never answers: the worst CRM endpoint there is. */
class Tarpit {
  accepted = 0;
  private sockets = new Map<Socket, number>();
  private server: Server = createServer((socket) => {
    this.accepted += 1;
    this.sockets.set(socket, Date.now());
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.resume(); // reads and discards the request (so it notices the client hanging up), answers nothing
  });
  port = 0;
  get open() {
    return this.sockets.size;
  }
  /** How long the longest-held open connection has been waiting for an answer. */
  get heldMs() {
    return Math.max(0, ...[...this.sockets.values()].map((at) => Date.now() - at));
  }
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  async close() {
    for (const socket of this.sockets.keys()) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const tarpit = new Tarpit();
const whsec = () => `whsec_${randomBytes(24).toString("base64")}`;

async function newSpaWithCrm(name: string, url: string): Promise<string> {
  const signup = await signUpOrganization(
    { spaName: name, name: "Owner", email: `owner-${randomUUID()}@spa.test`, password: "correct horse battery staple" },
    { ip: "198.51.100.211" },
  );
  if (!signup.ok) throw new Error(signup.message);
  const db = await getDb();
  await db.update(organizations).set({ crmWebhookUrl: url, crmWebhookSecret: whsec() }).where(eq(organizations.id, signup.orgId));
  return signup.orgId;
}

async function queueCrmEvents(orgId: string, count: number): Promise<string[]> {
  const db = await getDb();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = await enqueueCrmEvent(db, { orgId, ...contactTaggedEvent({ id: randomUUID(), phone: uniqueCaller(), name: null, kind: "new_lead" }) });
    if (id) ids.push(id);
  }
  return ids;
}

/** Polls (no fixed sleep) until `ready` holds, failing after `withinMs`. */
async function until(ready: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  process.env.CRM_ALLOW_PRIVATE_HOSTS = "127.0.0.1"; // the tarpit and receivers are local stand-ins
  await tarpit.start();
});

afterAll(async () => {
  delete process.env.CRM_ALLOW_PRIVATE_HOSTS;
  await tarpit.close();
});

describe("independent loops", () => {
  let downtown: typeof locations.$inferSelect | undefined;
  let tarpitOrg = "";

  beforeAll(async () => {
    const db = await getDb();
    [downtown] = await db.select().from(locations).where(eq(locations.name, "Downtown"));
    // A 5-second delay, and quiet hours far from now so the text is never held for them.
    const minute = localTime(new Date(), "America/Los_Angeles").minute;
    const wrap = (m: number) => ((m % 1440) + 1440) % 1440;
    await db
      .update(locations)
      .set({ sendDelaySeconds: 5, quietStartMinute: wrap(minute + 600), quietEndMinute: wrap(minute + 601) })
      .where(eq(locations.id, downtown!.id));
    tarpitOrg = await newSpaWithCrm("Tarpit Skin Clinic", `http://127.0.0.1:${tarpit.port}/hook`);
  });

  afterAll(async () => {
    const db = await getDb();
    const { sendDelaySeconds, quietStartMinute, quietEndMinute } = downtown!;
    await db.update(locations).set({ sendDelaySeconds, quietStartMinute, quietEndMinute }).where(eq(locations.id, downtown!.id));
    await db.delete(crmDeliveries).where(eq(crmDeliveries.orgId, tarpitOrg));
  });

  it("with a tarpit CRM endpoint busy, another spa's 5-second-delayed text-back goes out within its delay + 2 s", async () => {
    await queueCrmEvents(tarpitOrg, 60); // enough to keep the CRM loop busy for minutes
    const loops = startSweeper(); // the server's own loops and intervals (lib/server/start.ts)
    try {
      // The call comes in 3 s into a CRM request's 5 s hang, so its text falls due in the middle of
      // the next one: a text loop that waited for CRM work would send it ~4 s late, not ≤ 1 s.
      await until(() => tarpit.heldMs >= 3000, 15_000, "the CRM loop to be stuck on the tarpit");
      const caller = uniqueCaller();
      const response = await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }));
      expect(response.status).toBe(200);
      await h.settle();

      const db = await getDb();
      const [queued] = await db
        .select({ due: outbox.nextAttemptAt, createdAt: messages.createdAt })
        .from(outbox)
        .innerJoin(messages, eq(messages.id, outbox.messageId))
        .where(and(eq(messages.toNumber, caller), eq(messages.automated, true)))
        .orderBy(outbox.nextAttemptAt)
        .limit(1);
      if (!queued) throw new Error("no text-back queued");
      // The delay really is 5 s (measured from when the text was queued), so the text waits for the loop.
      expect(queued.due.getTime() - queued.createdAt.getTime()).toBeGreaterThanOrEqual(4900);
      expect(h.standIn.messages.filter((m) => m.to === caller)).toHaveLength(0);

      await until(() => h.standIn.messages.some((m) => m.to === caller), 15_000, "the text-back");
      const sent = h.standIn.messages.find((m) => m.to === caller)!;
      const lateMs = sent.receivedAtEpochMs - queued.due.getTime();
      expect(lateMs).toBeGreaterThanOrEqual(0); // never early
      expect(lateMs).toBeLessThanOrEqual(2000);
      // …while the tarpit was still holding CRM requests (it was busy the whole time).
      expect(tarpit.open).toBeGreaterThan(0);
      // And the CRM loop never had more than its per-organization share in flight at once.
      expect(tarpit.open).toBeLessThanOrEqual(CRM_SWEEP.perOrg);
    } finally {
      await loops.stop();
    }
    // stop() waited for the run in progress: nothing is left in flight.
    const db = await getDb();
    const stuck = await db.$count(crmDeliveries, and(eq(crmDeliveries.orgId, tarpitOrg), eq(crmDeliveries.status, "in_flight")));
    expect(stuck).toBe(0);
  }, 40_000);
});

describe("CRM work per organization", () => {
  let receiver: HttpServer;
  let receiverUrl = "";

  beforeAll(async () => {
    receiver = createHttpServer((_req, res) => {
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it("a sweep takes at most its share from each organization: a busy spa cannot crowd out a quiet one", async () => {
    const busy = await newSpaWithCrm("Busy Spa", receiverUrl);
    const quiet = await newSpaWithCrm("Quiet Spa", receiverUrl);
    const busyIds = await queueCrmEvents(busy, 12);
    const quietIds = await queueCrmEvents(quiet, 1);
    const db = await getDb();
    const delivered = async (ids: string[]) => db.$count(crmDeliveries, and(inArray(crmDeliveries.eventId, ids), eq(crmDeliveries.status, "delivered")));

    await sweepCrmDeliveries();
    expect(await delivered(quietIds)).toBe(1);
    expect(await delivered(busyIds)).toBe(CRM_SWEEP.perOrg);
    await db.delete(crmDeliveries).where(inArray(crmDeliveries.orgId, [busy, quiet])); // leave nothing due for the next test
  });

  it(`after ${CRM_BREAKER.threshold} failures in a row the circuit opens: deliveries wait (none lost), a trial follows the pause, and fixing the URL resumes them`, async () => {
    // A port nobody listens on: every connection is refused at once.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const orgId = await newSpaWithCrm("Flaky CRM Spa", `http://127.0.0.1:${deadPort}/hook`);
    const ids = await queueCrmEvents(orgId, 8);
    const db = await getDb();
    const rows = () => db.select().from(crmDeliveries).where(inArray(crmDeliveries.eventId, ids));
    const makeAllDue = () =>
      db
        .update(crmDeliveries)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(and(inArray(crmDeliveries.eventId, ids), eq(crmDeliveries.status, "pending")));

    // Each sweep takes up to two; every attempt is refused, so the count climbs to the threshold.
    let attempts = 0;
    while (((await getCrmCircuit({ orgId }))?.openUntil ?? null) === null) {
      attempts += await sweepCrmDeliveries();
      await makeAllDue();
      if (attempts > 20) throw new Error("the circuit never opened");
    }
    const opened = await getCrmCircuit({ orgId });
    expect(opened!.consecutiveFailures).toBeGreaterThanOrEqual(CRM_BREAKER.threshold);
    const pauseMs = opened!.openUntil!.getTime() - Date.now();
    expect(pauseMs).toBeGreaterThan(CRM_BREAKER.baseMs - 60_000);
    expect(pauseMs).toBeLessThanOrEqual(CRM_BREAKER.baseMs * 2 ** (opened!.consecutiveFailures - CRM_BREAKER.threshold) + 1000);
    expect(describeCrmCircuit(opened, new Date(), "UTC")?.text).toMatch(
      new RegExp(`^Paused deliveries until \\d\\d:\\d\\d after ${opened!.consecutiveFailures} failures in a row`),
    );

    // While open: nothing is taken, nothing is lost.
    const before = await rows();
    await sweepCrmDeliveries();
    const during = await rows();
    expect(during.map((r) => [r.id, r.status, r.attempts])).toEqual(before.map((r) => [r.id, r.status, r.attempts]));
    expect(during.every((r) => r.status === "pending")).toBe(true);

    // The pause ends: one trial request, which fails, and the next pause is twice as long.
    await db
      .update(organizations)
      .set({ crmCircuitOpenUntil: new Date(Date.now() - 1000) })
      .where(eq(organizations.id, orgId));
    const failuresBefore = opened!.consecutiveFailures;
    await sweepCrmDeliveries();
    const attemptsOf = (list: typeof before) => list.reduce((sum, r) => sum + r.attempts, 0);
    expect(attemptsOf(await rows()) - attemptsOf(during)).toBe(1);
    const reopened = await getCrmCircuit({ orgId });
    expect(reopened!.consecutiveFailures).toBe(failuresBefore + 1);
    const nextPause = reopened!.openUntil!.getTime() - Date.now();
    expect(nextPause).toBeGreaterThan(Math.min(CRM_BREAKER.baseMs * 2 ** (failuresBefore + 1 - CRM_BREAKER.threshold), CRM_BREAKER.maxMs) - 60_000);

    // The owner points the webhook at a working address: the circuit closes and every event goes.
    expect(await saveCrmUrl({ orgId, url: receiverUrl })).toMatchObject({ ok: true });
    expect(await getCrmCircuit({ orgId })).toEqual({ consecutiveFailures: 0, openUntil: null });
    await makeAllDue();
    for (let i = 0; i < 10 && (await sweepCrmDeliveries()) > 0; i += 1) await makeAllDue();
    expect((await rows()).every((r) => r.status === "delivered")).toBe(true);
    expect(attempts).toBeGreaterThanOrEqual(CRM_BREAKER.threshold);
  });
});
