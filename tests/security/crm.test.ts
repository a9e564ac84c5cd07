// Issue 12 items 4 and 5, replayed as an attacker spa would, through the real CRM settings actions.
// SSRF: the attacker points its CRM webhook at an internal service and asks for a test event.
// Tarpit: the attacker's CRM endpoint accepts connections and never answers, hoping to stall the
// sweeper for every spa; the victim's 5-second-delayed text-back must still go out on time.
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmDeliveries, locations, messages, organizations, outbox } from "@/db/schema";
import { sweepCrmDeliveries } from "@/lib/crm/deliver";
import { enqueueCrmEvent } from "@/lib/crm/enqueue";
import { contactTaggedEvent } from "@/lib/crm/events";
import { startSweeper } from "@/lib/messaging/sweeper";
import { localTime } from "@/lib/schedule/hours";
import { dialActionPayload } from "@/lib/telephony/twilio/samples";
import { uniqueCaller, useSecurityHarness } from "./harness";

const h = useSecurityHarness();
const DOWNTOWN = "+13105550100";

async function crmActions() {
  return import("@/app/(dashboard)/settings/crm/actions");
}

/** As the attacker's owner, through the real actions. */
async function saveUrl(url: string) {
  const { saveCrmUrlAction } = await crmActions();
  await h.actAs(h.attacker.ownerId);
  return h.runAction(saveCrmUrlAction, { url });
}
async function generateSecret() {
  const { rotateCrmSecretAction } = await crmActions();
  await h.actAs(h.attacker.ownerId);
  return h.runAction(rotateCrmSecretAction, {});
}
async function sendTestEvent() {
  const { crmTestAction } = await crmActions();
  await h.actAs(h.attacker.ownerId);
  return h.runAction(crmTestAction, {});
}

describe("SSRF through the CRM webhook URL", () => {
  const SECRET_BODY = "db_password=hunter2-internal";
  let internal: HttpServer;
  let port = 0;
  let hits = 0;

  beforeAll(async () => {
    delete process.env.CRM_ALLOW_PRIVATE_HOSTS; // as in production
    internal = createHttpServer((_req, res) => {
      hits += 1;
      res.writeHead(200, { "content-type": "text/plain" }).end(SECRET_BODY);
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    port = (internal.address() as AddressInfo).port;
  });
  afterAll(async () => {
    internal.closeAllConnections();
    await new Promise((resolve) => internal.close(resolve));
  });

  it("saving an internal address is refused with a field error; the victim is untouched and the refusal logged", async () => {
    const victimBefore = await h.fingerprint(h.victim.orgId);
    const refusedBefore = (await h.refusals(h.attacker.orgId, "unsafe_crm_url")).length;
    const urls = [
      `http://127.0.0.1:${port}/admin/debug`,
      `https://127.0.0.1:${port}/admin/debug`,
      `https://localhost:${port}/admin/debug`,
      `https://[::ffff:127.0.0.1]:${port}/admin/debug`,
      `https://2130706433:${port}/admin/debug`,
      "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
      "https://metadata.google.internal/computeMetadata/v1/",
      "https://[fd00:ec2::254]/latest/meta-data/",
    ];
    for (const url of urls) {
      const state = await saveUrl(url);
      expect(state).toMatchObject({ ok: false, errors: { url: ["Use an https:// address on the public internet."] } });
    }
    const [org] = await h.db.select({ url: organizations.crmWebhookUrl }).from(organizations).where(eq(organizations.id, h.attacker.orgId));
    expect(org?.url).toBeNull();
    expect(hits).toBe(0);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(victimBefore);
    expect((await h.refusals(h.attacker.orgId, "unsafe_crm_url")).length).toBe(refusedBefore + urls.length);
  });

  it("a URL that turns internal after it was saved: the test event sends nothing, a queued event is refused at connect time, no remote body is stored", async () => {
    // Saved while public (here: written as it would have been), then the name now points inside.
    expect(await generateSecret()).toMatchObject({ ok: true });
    await h.db
      .update(organizations)
      .set({ crmWebhookUrl: `http://127.0.0.1:${port}/admin/debug` })
      .where(eq(organizations.id, h.attacker.orgId));
    const victimBefore = await h.fingerprint(h.victim.orgId);
    const refusedBefore = (await h.refusals(h.attacker.orgId, "unsafe_crm_url")).length;

    const state = await sendTestEvent();
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("public internet") });
    expect(JSON.stringify(state)).not.toContain("hunter2");

    const eventId = await enqueueCrmEvent(h.db, { orgId: h.attacker.orgId, ...contactTaggedEvent({ id: randomUUID(), phone: uniqueCaller(), name: null, kind: "new_lead" }) });
    if (!eventId) throw new Error("not queued");
    for (let i = 0; i < 5 && (await sweepCrmDeliveries()) > 0; i += 1) {}

    const rows = await h.db.select().from(crmDeliveries).where(eq(crmDeliveries.orgId, h.attacker.orgId));
    expect(rows.find((r) => r.eventId === eventId)).toMatchObject({ status: "dead", lastStatusCode: null, lastError: expect.stringMatching(/^refused: private address/) });
    expect(JSON.stringify(rows)).not.toMatch(/hunter2|ECONNREFUSED|EHOSTUNREACH/);
    expect(hits).toBe(0);
    expect(await h.fingerprint(h.victim.orgId)).toEqual(victimBefore);
    expect((await h.refusals(h.attacker.orgId, "unsafe_crm_url")).length).toBe(refusedBefore + 2); // the test event, the delivery
    await h.db.update(organizations).set({ crmWebhookUrl: null }).where(eq(organizations.id, h.attacker.orgId));
  });
});

describe("a tarpit CRM endpoint", () => {
  let tarpit: Server;
  const sockets = new Map<Socket, number>();
  let downtown: typeof locations.$inferSelect | undefined;

  beforeAll(async () => {
    // The tarpit stands in for a host on the internet: exempt its loopback address for this test only.
    process.env.CRM_ALLOW_PRIVATE_HOSTS = "127.0.0.1";
    tarpit = createServer((socket) => {
      sockets.set(socket, Date.now());
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
      socket.resume(); // reads the request, never answers
    });
    await new Promise<void>((resolve) => tarpit.listen(0, "127.0.0.1", resolve));
    [downtown] = await h.db.select().from(locations).where(eq(locations.id, h.victim.locationId));
    const minute = localTime(new Date(), "America/Los_Angeles").minute;
    const wrap = (m: number) => ((m % 1440) + 1440) % 1440;
    await h.db
      .update(locations)
      .set({ sendDelaySeconds: 5, quietStartMinute: wrap(minute + 600), quietEndMinute: wrap(minute + 601) })
      .where(eq(locations.id, h.victim.locationId));
  });
  afterAll(async () => {
    delete process.env.CRM_ALLOW_PRIVATE_HOSTS;
    const { sendDelaySeconds, quietStartMinute, quietEndMinute } = downtown!;
    await h.db.update(locations).set({ sendDelaySeconds, quietStartMinute, quietEndMinute }).where(eq(locations.id, h.victim.locationId));
    await h.db.delete(crmDeliveries).where(eq(crmDeliveries.orgId, h.attacker.orgId));
    for (const socket of sockets.keys()) socket.destroy();
    await new Promise((resolve) => tarpit.close(resolve));
  });

  it("does not delay the victim's 5-second-delayed text-back beyond its delay + 2 s", async () => {
    const url = `http://127.0.0.1:${(tarpit.address() as AddressInfo).port}/hook`;
    expect(await saveUrl(url)).toMatchObject({ ok: true });
    expect(await generateSecret()).toMatchObject({ ok: true });
    const queuedIds: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const id = await enqueueCrmEvent(h.db, { orgId: h.attacker.orgId, ...contactTaggedEvent({ id: randomUUID(), phone: uniqueCaller(), name: null, kind: "new_lead" }) });
      if (id) queuedIds.push(id);
    }
    expect(queuedIds).toHaveLength(40);
    const heldMs = () => Math.max(0, ...[...sockets.values()].map((at) => Date.now() - at));
    const until = async (ready: () => boolean, withinMs: number, what: string) => {
      const deadline = Date.now() + withinMs;
      while (!ready()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    const loops = startSweeper(); // as lib/server/start.ts starts them
    try {
      // The victim's call comes 3 s into a hung CRM request: its text falls due during the next one.
      await until(() => heldMs() >= 3000, 15_000, "the CRM loop to be stuck on the tarpit");
      const caller = uniqueCaller();
      expect((await h.post("/api/webhooks/twilio/dial", dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN }))).status).toBe(200);
      await h.settle();
      const [queued] = await h.db
        .select({ due: outbox.nextAttemptAt })
        .from(outbox)
        .innerJoin(messages, eq(messages.id, outbox.messageId))
        .where(and(eq(messages.toNumber, caller), eq(messages.orgId, h.victim.orgId)))
        .orderBy(outbox.nextAttemptAt)
        .limit(1);
      if (!queued) throw new Error("no text-back queued for the victim's caller");
      await until(() => h.standIn.messages.some((m) => m.to === caller), 15_000, "the victim's text-back");
      const lateMs = h.standIn.messages.find((m) => m.to === caller)!.receivedAtEpochMs - queued.due.getTime();
      expect(lateMs).toBeGreaterThanOrEqual(0);
      expect(lateMs).toBeLessThanOrEqual(2000);
      expect(sockets.size).toBeGreaterThan(0); // the tarpit was still holding the attacker's requests
    } finally {
      await loops.stop();
    }
    // The attacker's events are delayed, never lost.
    const lost = await h.db.$count(crmDeliveries, and(inArray(crmDeliveries.eventId, queuedIds), eq(crmDeliveries.status, "dead")));
    expect(lost).toBe(0);
  });
});
