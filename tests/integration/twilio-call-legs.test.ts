// README option B: the spa's own Twilio number runs its own call flow and Rebound hears only the
// call's status callback. A parent `completed` says Twilio connected audio, voicemail included, so
// Rebound lists the call's child legs (the real twilio client, against the stand-in's Calls list)
// before it counts as answered: no leg, or only a short one, is a missed call and gets the
// text-back; one leg answered (even one of several rung at once) is not. A lookup that keeps
// failing is retried, then the call opens a callback and is never texted.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getTimeline } from "@/db/queries/timeline";
import { callbacks, inboundEvents, locations, phoneNumbers } from "@/db/schema";
import { eventText } from "@/components/inbox/timeline-event";
import { LEG_LOOKUP_ATTEMPTS } from "@/lib/intake/call-legs";
import { processInbound } from "@/lib/intake/process-batch";
import { LEGS_UNKNOWN_CALLBACK } from "@/lib/intake/policy/reasons";
import { callStatusPayload, sid, type Params } from "@/lib/telephony/twilio/samples";
import { uniqueCaller, useHarness, WESTSIDE } from "./harness";
import { rowsForCaller } from "./rows";

const h = useHarness();

/** The parent's final status callback as Twilio posts it: `completed`, no ParentCallSid, the call's own length. */
function completed(caller: string, callSid = sid("CA")): Params {
  const params: Params = {
    ...callStatusPayload({ accountSid: h.standIn.accountSid, callSid, from: caller, to: WESTSIDE, callStatus: "completed" }),
    CallDuration: "38",
    Duration: "1",
  };
  delete params.SipResponseCode; // the samples' 487 is a no-answer's (unverified); what a completed call carries is not sourced
  return params;
}

async function postCompleted(caller: string, children?: { status: string; duration: number | null }[]) {
  const params = completed(caller);
  if (children) h.standIn.calls.setChildCalls(params.CallSid!, children);
  const response = await h.post("/api/webhooks/twilio/call-status", params);
  expect(response.status).toBe(200);
  await h.settle();
  return params.CallSid!;
}

const legsChecked = (rows: Awaited<ReturnType<typeof rowsForCaller>>) => rows.events.filter((e) => e.type === "call_legs_checked");
const textsTo = (caller: string) => h.standIn.messages.filter((m) => m.to === caller);

async function ledgerRow(callSid: string) {
  const [row] = await (await getDb()).select().from(inboundEvents).where(eq(inboundEvents.callRef, callSid));
  return row;
}

/** The backoff's wait, skipped: the stored event is due now, and the intake runs (as the sweeper would a moment later). */
async function retryNow(callSid: string) {
  await (
    await getDb()
  )
    .update(inboundEvents)
    .set({ notBefore: sql`now()` })
    .where(and(eq(inboundEvents.callRef, callSid), sql`${inboundEvents.processedAt} is null`));
  await processInbound();
  await h.settle();
}

describe("a `completed` call on the spa's own Twilio number", () => {
  it("no child leg at all: a missed call, texted once, and the check is in the timeline", async () => {
    const caller = uniqueCaller();
    const callSid = await postCompleted(caller, []);

    expect(h.standIn.calls.listed).toEqual([callSid]);
    expect(textsTo(caller).map((m) => m.from)).toEqual([WESTSIDE]);
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(1);
    expect(rows.calls[0]).toMatchObject({ disposition: "missed", providerStatus: "completed", durationSeconds: 38 });
    expect(legsChecked(rows).map((e) => e.detail)).toEqual([{ legs: [], thresholdSeconds: 8, verdict: "missed" }]);

    // The conversation's timeline shows what was looked at, in words.
    const conversation = rows.conversations[0]!;
    const timeline = await getTimeline({ orgId: conversation.orgId, conversationId: conversation.id, contactId: conversation.contactId, locationId: conversation.locationId });
    const lines = timeline.flatMap((item) => (item.kind === "event" ? [eventText(item.event)] : []));
    expect(lines).toContain("Twilio call legs checked: the call was never put through to anyone, so it counts as a missed call.");
  });

  it("one short child (a forwarded mobile's voicemail picked up for 5 s): a missed call, texted", async () => {
    const caller = uniqueCaller();
    await postCompleted(caller, [{ status: "completed", duration: 5 }]);

    expect(textsTo(caller)).toHaveLength(1);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.disposition).toBe("missed");
    const [checked] = legsChecked(rows);
    expect(checked?.detail).toMatchObject({ thresholdSeconds: 8, verdict: "missed", legs: [{ status: "completed", duration: 5 }] });
    expect((checked?.detail?.legs as { sid: string }[])[0]?.sid).toMatch(/^CA[0-9a-f]{32}$/);
  });

  it("one answered child (60 s): answered, nobody is texted", async () => {
    const caller = uniqueCaller();
    await postCompleted(caller, [{ status: "completed", duration: 60 }]);

    expect(textsTo(caller)).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.disposition).toBe("answered");
    expect(rows.messages).toHaveLength(0);
    expect(rows.conversations).toHaveLength(0);
    expect(legsChecked(rows).map((e) => e.reason)).toEqual(["answered"]);
  });

  it("simultaneous ring, one of three answered: answered, nobody is texted", async () => {
    const caller = uniqueCaller();
    await postCompleted(caller, [
      { status: "no-answer", duration: 0 },
      { status: "completed", duration: 60 },
      { status: "canceled", duration: 0 },
    ]);

    expect(textsTo(caller)).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.disposition).toBe("answered");
    expect((legsChecked(rows)[0]?.detail?.legs as unknown[]).length).toBe(3);
  });

  it("the threshold is the location's setting: a 5 s leg is answered where it is 4 s", async () => {
    const db = await getDb();
    const [number] = await db.select({ locationId: phoneNumbers.locationId }).from(phoneNumbers).where(eq(phoneNumbers.e164, WESTSIDE));
    await db.update(locations).set({ missedLegSeconds: 4 }).where(eq(locations.id, number!.locationId));
    try {
      const caller = uniqueCaller();
      await postCompleted(caller, [{ status: "completed", duration: 5 }]);
      expect(textsTo(caller)).toHaveLength(0);
      expect(legsChecked(await rowsForCaller(caller))[0]?.detail).toMatchObject({ thresholdSeconds: 4, verdict: "answered" });
    } finally {
      await db.update(locations).set({ missedLegSeconds: 8 }).where(eq(locations.id, number!.locationId));
    }
  });

  it("a child leg's own callback (it names its ParentCallSid) records nothing", async () => {
    const caller = uniqueCaller();
    const params: Params = { ...completed(caller), ParentCallSid: sid("CA"), Direction: "outbound-dial" };
    expect((await h.post("/api/webhooks/twilio/call-status", params)).status).toBe(200);
    await h.settle();
    expect(await ledgerRow(params.CallSid!)).toBeUndefined();
    expect(h.standIn.calls.listed).toEqual([]);
    expect((await rowsForCaller(caller)).contact).toBeNull();
  });
});

describe("when the legs cannot be listed", () => {
  it("a lookup answered 500 is retried with backoff, alone: the calls stored with it are processed at once", async () => {
    const caller = uniqueCaller();
    const other = uniqueCaller();
    const params = completed(caller);
    h.standIn.calls.setChildCalls(params.CallSid!, [{ status: "completed", duration: 4 }]);
    h.standIn.calls.failNextCallLists([{ status: 500 }, { status: 503, code: 20503, message: "Service Unavailable" }]);
    // Both stored before the intake runs, so one batch claims them together.
    process.env.INTAKE_PAUSED = "1";
    try {
      await h.post("/api/webhooks/twilio/call-status", params);
      await h.post("/api/webhooks/twilio/call-status", callStatusPayload({ accountSid: h.standIn.accountSid, from: other, to: WESTSIDE, callStatus: "no-answer" }));
    } finally {
      delete process.env.INTAKE_PAUSED;
    }
    await processInbound();
    await h.settle();

    // The other caller is texted at once; this call waits for its legs, not recorded yet.
    expect(textsTo(other)).toHaveLength(1);
    expect((await rowsForCaller(caller)).calls).toHaveLength(0);
    const waiting = await ledgerRow(params.CallSid!);
    expect(waiting).toMatchObject({ processedAt: null, attempts: 0, payload: expect.objectContaining({ legCheck: { status: "pending", failures: 1 } }) });
    expect(waiting?.lastError).toBe("Twilio answered HTTP 500 (error 20500): Internal Server Error");
    // The intake's backoff: the next lookup waits about 2 s.
    expect(waiting!.notBefore.getTime() - Date.now()).toBeGreaterThan(500);

    await retryNow(params.CallSid!);
    expect((await ledgerRow(params.CallSid!))?.payload).toMatchObject({ legCheck: { status: "pending", failures: 2 } });
    await retryNow(params.CallSid!);

    // The third lookup answers: one short leg, a missed call, texted once.
    expect(h.standIn.calls.listed).toEqual([params.CallSid, params.CallSid, params.CallSid]);
    expect(textsTo(caller)).toHaveLength(1);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]?.disposition).toBe("missed");
    expect(await ledgerRow(params.CallSid!)).toMatchObject({ outcome: "done", attempts: 1 });
  });

  it(`after ${LEG_LOOKUP_ATTEMPTS} failed lookups: recorded as missed, a callback due now, and no text`, async () => {
    const caller = uniqueCaller();
    const params = completed(caller);
    h.standIn.calls.failNextCallLists(Array.from({ length: LEG_LOOKUP_ATTEMPTS }, () => ({ status: 500 })));
    const before = Date.now();
    await h.post("/api/webhooks/twilio/call-status", params);
    await h.settle();
    for (let lookup = 2; lookup <= LEG_LOOKUP_ATTEMPTS; lookup++) await retryNow(params.CallSid!);

    expect(h.standIn.calls.listed).toHaveLength(LEG_LOOKUP_ATTEMPTS);
    expect(textsTo(caller)).toHaveLength(0);
    const rows = await rowsForCaller(caller);
    expect(rows.calls[0]).toMatchObject({ disposition: "missed", providerStatus: "completed" });
    expect(rows.messages).toHaveLength(0);
    expect(rows.events.filter((e) => e.type === "text_skipped").map((e) => e.reason)).toEqual(["legs_unknown"]);
    expect(legsChecked(rows)[0]?.detail).toMatchObject({ legs: [], verdict: "unknown", error: "Twilio answered HTTP 500 (error 20500): Internal Server Error" });

    const open = await (await getDb()).select().from(callbacks).where(eq(callbacks.contactId, rows.contact!.id));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ reason: LEGS_UNKNOWN_CALLBACK, callId: rows.calls[0]!.id });
    expect(open[0]!.dueAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(open[0]!.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await ledgerRow(params.CallSid!)).toMatchObject({ outcome: "done" });
  });

  it("a lookup that never answers holds back no other call, is given up after its time limit and retried", { timeout: 30_000 }, async () => {
    const caller = uniqueCaller();
    const other = uniqueCaller();
    const params = completed(caller);
    h.standIn.calls.setChildCalls(params.CallSid!, [{ status: "completed", duration: 90 }]);
    h.standIn.calls.failNextCallLists(["hang"]);
    await h.post("/api/webhooks/twilio/call-status", params);
    // While the lookup hangs, another caller's missed call is recorded and texted.
    await h.post("/api/webhooks/twilio/call-status", callStatusPayload({ accountSid: h.standIn.accountSid, from: other, to: WESTSIDE, callStatus: "busy" }));
    expect(textsTo(other)).toHaveLength(1);
    expect((await ledgerRow(params.CallSid!))?.payload).toMatchObject({ legCheck: { status: "pending", failures: 0 } });
    await h.settle();
    const waiting = await ledgerRow(params.CallSid!);
    expect(waiting?.payload).toMatchObject({ legCheck: { status: "pending", failures: 1 } });
    expect(waiting?.lastError).toContain("did not list the call's legs within 5 s");

    await retryNow(params.CallSid!);
    expect(textsTo(caller)).toHaveLength(0);
    expect((await rowsForCaller(caller)).calls[0]?.disposition).toBe("answered");
  });
});
