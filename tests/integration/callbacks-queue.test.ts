// The callback queue (issue 5, item 3) against real Postgres: the queue's order, groups and
// filters; claim, complete, snooze. "Mark booked" and another spa's ids: bookings-mark-booked.test.ts.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countCallbackQueue, listCallbackQueue } from "@/db/queries/callbacks";
import { callbacks, events } from "@/db/schema";
import { claimCallback, completeCallback, snoozeCallback } from "@/lib/callbacks/work-callback";
import { deskTasks, expectRefused, findDemoSpa } from "./desk-tasks";
import { useHarness } from "./harness";

const h = useHarness();
const MIN = 60_000;
let orgId = "";
let deskId = "";
let ownerId = "";
let downtownId = "";
let westsideId = "";

beforeAll(async () => {
  ({ orgId, deskId, ownerId, downtownId, westsideId } = await findDemoSpa());
});

const { missedCallThenReply, taskAt, filter, queueIds } = deskTasks(h, () => ({ orgId, deskId, downtownId }));

describe("the queue", () => {
  it("puts hot tasks first, then the oldest due; after-hours and snoozed tasks wait in their own groups", async () => {
    const now = Date.now();
    const normalOld = await taskAt({ priority: "normal", dueAt: new Date(now - 90 * MIN) });
    const hotNew = await taskAt({ priority: "hot", dueAt: new Date(now - 2 * MIN) });
    const hotOld = await taskAt({ priority: "hot", dueAt: new Date(now - 30 * MIN) });
    const tomorrow = await taskAt({ priority: "hot", dueAt: new Date(now + 14 * 60 * MIN), createdAt: new Date(now - 60 * MIN) });
    const snoozed = await taskAt({ priority: "normal", dueAt: new Date(now + 60 * MIN), createdAt: new Date(now - 60 * MIN), status: "snoozed" });
    const ours = new Set([normalOld.id, hotNew.id, hotOld.id, tomorrow.id, snoozed.id]);

    const due = await queueIds("due");
    expect(due.filter((id) => ours.has(id))).toEqual([hotOld.id, hotNew.id, normalOld.id]);
    // Every hot task of the whole queue comes before every normal one.
    const rows = await listCallbackQueue({ ...filter(), group: "due", offset: 0, limit: 100 });
    const priorities = rows.map((r) => r.callback.priority);
    expect(priorities.lastIndexOf("hot")).toBeLessThan(priorities.indexOf("normal") === -1 ? Infinity : priorities.indexOf("normal"));
    expect(await queueIds("waiting")).toContain(tomorrow.id);
    expect(await queueIds("snoozed")).toContain(snoozed.id);
    expect(due).not.toContain(tomorrow.id);
    expect(due).not.toContain(snoozed.id);
  });

  it("shows why a task exists: the missed call and the reply it came from, the caller and the location", async () => {
    const { caller, callback, rows } = await missedCallThenReply();
    const group = callback.dueAt.getTime() > Date.now() ? "waiting" : "due";
    const all = await listCallbackQueue({ ...filter(), group, offset: 0, limit: 100 });
    const row = all.find((r) => r.callback.id === callback.id);
    expect(row).toMatchObject({
      contact: { phone: caller },
      location: { name: "Downtown", timezone: "America/Los_Angeles" },
      call: { disposition: rows.calls[0]!.disposition },
      message: { direction: "inbound", body: "Can I come in today?" },
      callback: { priority: "hot", reason: "Asked for availability today: “Can I come in today?”" },
    });
  });

  it("filters by mine, unassigned and location, and counts each group under the filter", async () => {
    const past = new Date(Date.now() - 5 * MIN);
    const mine = await taskAt({ priority: "normal", dueAt: past, assigneeId: deskId });
    const owners = await taskAt({ priority: "normal", dueAt: past, assigneeId: ownerId });
    const westside = await taskAt({ priority: "normal", dueAt: past, locationId: westsideId });

    const mineIds = await queueIds("due", { assignee: "mine" });
    expect(mineIds).toContain(mine.id);
    expect(mineIds).not.toContain(owners.id);
    expect(mineIds).not.toContain(westside.id);
    const unassigned = await queueIds("due", { assignee: "unassigned" });
    expect(unassigned).toContain(westside.id);
    expect(unassigned).not.toContain(mine.id);
    expect(unassigned).not.toContain(owners.id);
    const atWestside = await queueIds("due", { locationId: westsideId });
    expect(atWestside).toContain(westside.id);
    expect(atWestside).not.toContain(mine.id);

    const counts = await countCallbackQueue(filter({ assignee: "mine" }));
    expect(counts.due).toBe(mineIds.length);
  });

  it("pages through the due group without repeating or skipping a task", async () => {
    const past = Date.now() - 10 * MIN;
    await Promise.all([0, 1, 2].map((i) => taskAt({ priority: "normal", dueAt: new Date(past + i * 1000) })));
    const all = await queueIds("due");
    const pages = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      pages.push(...(await listCallbackQueue({ ...filter(), group: "due", offset, limit: 2 })).map((r) => r.callback.id));
    }
    expect(pages).toEqual(all);
  });
});

describe("working a callback", () => {
  it("claim assigns it to me; another member may take it over; both are logged", async () => {
    const task = await taskAt({ priority: "hot", dueAt: new Date() });
    expect(await claimCallback({ orgId, memberId: deskId, callbackId: task.id })).toMatchObject({ status: "claimed", assigneeId: deskId });
    expect(await queueIds("due", { assignee: "mine" })).toContain(task.id);
    await claimCallback({ orgId, memberId: ownerId, callbackId: task.id });
    const db = await getDb();
    const logged = await db
      .select()
      .from(events)
      .where(and(eq(events.conversationId, task.conversationId!), eq(events.type, "callback_claimed")))
      .orderBy(events.id);
    expect(logged.map((e) => [e.detail?.memberId, e.detail?.from])).toEqual([
      [deskId, null],
      [ownerId, deskId],
    ]);
  });

  it("complete with an outcome takes it out of the queue; completing it again is refused", async () => {
    const task = await taskAt({ priority: "normal", dueAt: new Date() });
    const done = await completeCallback({ orgId, memberId: deskId, callbackId: task.id, outcome: "left_voicemail" });
    expect(done).toMatchObject({ status: "done", outcome: "left_voicemail", assigneeId: deskId });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(await queueIds("due")).not.toContain(task.id);
    await expectRefused(completeCallback({ orgId, memberId: deskId, callbackId: task.id, outcome: "reached" }), "conflict");
    const [row] = await (await getDb()).select().from(callbacks).where(eq(callbacks.id, task.id));
    expect(row?.outcome).toBe("left_voicemail");
  });

  it("snooze moves it to the snoozed group until then, and it comes back due afterwards", async () => {
    const now = new Date("2026-05-12T18:00:00Z"); // Tue 11:00 in Los Angeles: open, an hour later too
    const task = await taskAt({ priority: "hot", dueAt: now });
    const snoozed = await snoozeCallback({ orgId, memberId: deskId, callbackId: task.id, option: "1h" }, now);
    expect(snoozed).toMatchObject({ status: "snoozed", dueAt: new Date(now.getTime() + 60 * MIN) });
    expect(await queueIds("snoozed", { now })).toContain(task.id);
    expect(await queueIds("due", { now })).not.toContain(task.id);
    expect(await queueIds("due", { now: new Date(now.getTime() + 61 * MIN) })).toContain(task.id);
  });

  it("snooze to the next opening waits for Downtown to open again", async () => {
    const sunday = new Date("2026-05-17T18:00:00Z"); // Sun 11:00 in Los Angeles: closed all day
    const task = await taskAt({ priority: "normal", dueAt: sunday });
    const snoozed = await snoozeCallback({ orgId, memberId: deskId, callbackId: task.id, option: "next_opening" }, sunday);
    expect(snoozed.dueAt).toEqual(new Date("2026-05-18T16:00:00Z")); // Mon 09:00
  });
});
