// ~90 days of demo history (db/seed-demo.ts): calls, text-backs and the skips with their reasons,
// replies, desk answers, callbacks and bookings, following the recovery policy of lib/recovery.
// Deterministic for a given `now`; pure: builds rows, inserts nothing. The bookings and callback
// tasks are built in db/seed-history-bookings.ts.
import { DEFAULT_TEMPLATES, type TemplateSituation } from "@/lib/messaging/default-templates";
import { renderTemplate } from "@/lib/messaging/templates";
import { nextOpening } from "@/lib/schedule/hours";
import type { bookings, calls, callbacks, contacts, conversations, events, messages } from "./schema";
import { buildPool, pickSlot, planCalls, replyDelay, scheduleOf, type DemoLocation, type PoolContact } from "./seed-calls";
import { createRng, REPLIES, stableUuid, TREATMENTS, VOICEMAILS, type Rng } from "./seed-fixtures";
import { bookVisit, normalizeValues, openCallback, settleCallbacks, type Callback, type Conv } from "./seed-history-bookings";

export type DemoHistory = {
  contacts: (typeof contacts.$inferInsert)[];
  calls: (typeof calls.$inferInsert)[];
  conversations: (typeof conversations.$inferInsert)[];
  messages: (typeof messages.$inferInsert)[];
  callbacks: (typeof callbacks.$inferInsert)[];
  bookings: (typeof bookings.$inferInsert)[];
  events: (typeof events.$inferInsert)[];
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const POOL_SIZE = 700;
const REPLY_RATE = 0.3;
const BOOK_RATE = 0.38;
const OPEN_CONVERSATIONS = 5;

const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const hex32 = (rng: Rng) => rng.hex(32);

export function generateHistory(input: { orgId: string; spaName: string; deskId: string; locations: DemoLocation[]; now: Date; days: number; seed: number }): DemoHistory {
  const { orgId, spaName, deskId, locations, now, days } = input;
  const rng = createRng(input.seed);
  const start = plus(now, -days * 24 * HOUR);
  // The demo landline (seed-demo.ts DEMO_LANDLINE) is a fixed contact: no generated caller may take it.
  const reserved = new Set([...locations.flatMap((l) => [l.number, l.forwardingNumber]), "+13105550142"]);
  const pool = buildPool(rng, POOL_SIZE, reserved, start);
  const planned = planCalls(rng, locations, pool, now, days);
  const out: DemoHistory = { contacts: [], calls: [], conversations: [], messages: [], callbacks: [], bookings: [], events: [] };
  const convs = new Map<string, Conv>();
  const cbs: Callback[] = [];
  const lastAutoText = new Map<string, Date>();
  const humanTouches = new Map<number, Date[]>();
  const landlineKnownAt = new Map<number, Date>();
  const firstSeen = new Map<number, Date>();
  const formatters = locations.map(
    (l) => new Intl.DateTimeFormat("en-US", { timeZone: l.timezone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }),
  );
  let messageCount = 0;
  // The last few missed calls: their callers are more likely to have answered by now, and nobody
  // at the desk has answered them yet, so the inbox has people waiting.
  const missedIndexes = planned.flatMap((p, i) => (p.missed ? [i] : []));
  const freshFrom = missedIndexes[Math.max(0, missedIndexes.length - 8)] ?? 0;
  const event = (e: Omit<typeof events.$inferInsert, "orgId">) => out.events.push({ orgId, ...e });
  const message = (m: Omit<typeof messages.$inferInsert, "id" | "orgId">) => {
    const id = stableUuid(`message:${messageCount++}`);
    out.messages.push({ id, orgId, ...m });
    return id;
  };
  const callback = (conv: Conv, cb: Parameters<typeof openCallback>[3]) => openCallback(cbs, orgId, conv, cb);

  planned.forEach((p, n) => {
    const { location, contact: c } = p;
    const schedule = scheduleOf(location);
    const callId = stableUuid(`call:${n}`);
    const contactId = stableUuid(`contact:${c.index}`);
    if (!firstSeen.has(c.index)) firstSeen.set(c.index, p.startedAt);
    const ring = p.missed ? 20 : rng.int(4, 16);
    let disposition: "answered" | "missed" | "voicemail" | "abandoned" = "answered";
    let leakSource: "peak_overflow" | "after_hours" | "lunch_gap" | "hold_abandon" | null = null;
    let providerStatus = "completed";
    let duration = ring + rng.int(40, 720);
    let voicemail: { url: string; seconds: number; transcript: string | null } | null = null;
    if (p.missed && p.state === "open" && rng.chance(0.18)) {
      [disposition, leakSource, providerStatus, duration] = ["abandoned", "hold_abandon", "canceled", rng.int(45, 240)];
    } else if (p.missed) {
      leakSource = p.state === "open" ? "peak_overflow" : p.state === "lunch" ? "lunch_gap" : "after_hours";
      if (rng.chance(0.3)) {
        const seconds = rng.int(8, 70);
        const first = c.name?.split(" ")[0] ?? "calling";
        const transcript = rng.chance(0.8) ? rng.pick(VOICEMAILS).replace("{first}", first) : null;
        voicemail = { url: `https://api.twilio.com/2010-04-01/Accounts/ACdemo/Recordings/RE${hex32(rng)}`, seconds, transcript };
        [disposition, providerStatus, duration] = ["voicemail", "no-answer", ring + 6 + seconds];
      } else {
        [disposition, providerStatus, duration] = ["missed", p.state === "open" && rng.chance(0.3) ? "busy" : "no-answer", rng.int(18, 32)];
      }
    }
    const endedAt = plus(p.startedAt, duration * SECOND);
    out.calls.push({
      id: callId,
      orgId,
      locationId: location.id,
      contactId,
      provider: "twilio",
      externalId: `CA${hex32(rng)}`,
      direction: "inbound",
      fromNumber: c.phone,
      toNumber: location.number,
      disposition,
      leakSource,
      providerStatus,
      startedAt: p.startedAt,
      endedAt,
      durationSeconds: duration,
      voicemailUrl: voicemail?.url ?? null,
      voicemailSeconds: voicemail?.seconds ?? null,
      transcript: voicemail?.transcript ?? null,
      createdAt: endedAt,
    });
    if (!p.missed) return;

    const key = `${p.locationIndex}|${c.index}`;
    let conv = convs.get(key);
    if (!conv) {
      conv = { id: stableUuid(`conversation:${key}`), call: p, createdAt: endedAt, items: [], lastCallId: callId, booked: [] };
      convs.set(key, conv);
    }
    conv.lastCallId = callId;
    conv.items.push({ at: endedAt, kind: voicemail ? "voicemail" : "missed_call", body: null, inbound: true, human: false, hot: false });
    const ids = { locationId: location.id, contactId, conversationId: conv.id, callId };
    event({ ...ids, type: "call_missed", reason: leakSource, detail: { disposition }, createdAt: endedAt });
    if (voicemail) event({ ...ids, type: "voicemail_left", detail: { seconds: voicemail.seconds }, createdAt: plus(endedAt, 2 * SECOND) });

    const opensAt = p.state === "open" ? endedAt : (nextOpening(schedule, endedAt) ?? endedAt);
    const lastText = lastAutoText.get(key);
    const landline = landlineKnownAt.get(c.index);
    const touched = (humanTouches.get(c.index) ?? []).some((t) => t <= endedAt && endedAt.getTime() - t.getTime() < 30 * MINUTE);
    const reason =
      c.optedOutAt && c.optedOutAt <= endedAt
        ? "opted_out"
        : c.blockedAt && c.blockedAt <= endedAt
          ? "blocked"
          : c.kind === "spam"
            ? "spam"
            : landline && landline <= endedAt
              ? "landline"
              : lastText && endedAt.getTime() - lastText.getTime() < 24 * HOUR
                ? "already_texted_recently"
                : touched
                  ? "human_engaged_recently"
                  : null;
    if (reason) {
      event({ ...ids, type: "text_skipped", reason, createdAt: plus(endedAt, SECOND) });
      if (reason === "landline") callback(conv, { callId, reason: "Missed call from a landline: call back", priority: "normal", dueAt: opensAt, createdAt: endedAt });
      return;
    }
    const situation: TemplateSituation = c.kind === "client" ? "existing_client" : p.state === "open" ? "open" : "after_hours";
    if (situation === "existing_client") callback(conv, { callId, reason: "Existing client missed: call back", priority: "normal", dueAt: opensAt, createdAt: endedAt });
    const body = renderTemplate(DEFAULT_TEMPLATES[situation], { spa: spaName, location: location.name, bookingLink: location.bookingUrl });
    const createdAt = plus(endedAt, rng.int(1, 2) * SECOND);
    const sentAt = plus(endedAt, rng.int(3, 15) * SECOND);
    const undelivered = c.landline;
    const textId = message({
      conversationId: conv.id,
      contactId,
      callId,
      direction: "outbound",
      fromNumber: location.number,
      toNumber: c.phone,
      body,
      status: undelivered ? "undelivered" : "delivered",
      providerSid: `SM${hex32(rng)}`,
      errorCode: undelivered ? 30006 : null,
      errorMessage: undelivered ? "Landline or unreachable carrier" : null,
      automated: true,
      templateSituation: situation,
      sentAt,
      createdAt,
    });
    event({ ...ids, messageId: textId, type: "text_queued", reason: situation, createdAt });
    event({ ...ids, messageId: textId, type: "text_sent", reason: null, detail: { attempts: 1 }, createdAt: sentAt });
    conv.items.push({ at: createdAt, kind: "text_sent", body, inbound: false, human: false, hot: false });
    lastAutoText.set(key, createdAt);
    if (undelivered) {
      const failedAt = plus(sentAt, 3 * SECOND);
      event({ ...ids, messageId: textId, type: "text_undelivered", reason: "30006", createdAt: failedAt });
      if (!landline) landlineKnownAt.set(c.index, failedAt);
      return;
    }

    // The caller answers the text: ~30%. Keep a few fresh replies so the inbox looks alive.
    const fresh = n >= freshFrom;
    if (!rng.chance(fresh ? 0.6 : REPLY_RATE)) return;
    let replyAt = plus(sentAt, replyDelay(rng));
    if (replyAt > now) {
      if (!fresh) return;
      replyAt = plus(sentAt, (now.getTime() - sentAt.getTime()) * (0.3 + 0.6 * rng.next()));
    }
    const booked = rng.chance(BOOK_RATE);
    const script = rng.pick(booked ? REPLIES.filter((r) => r.bookable) : REPLIES);
    const replyId = message({
      conversationId: conv.id,
      contactId,
      direction: "inbound",
      fromNumber: c.phone,
      toNumber: location.number,
      body: script.body,
      status: "received",
      providerSid: `SM${hex32(rng)}`,
      automated: false,
      sentAt: replyAt,
      createdAt: replyAt,
    });
    event({ ...ids, messageId: replyId, type: "reply_received", reason: null, createdAt: replyAt });
    conv.items.push({ at: replyAt, kind: "reply", body: script.body, inbound: true, human: false, hot: script.hot });
    if (script.hot) {
      // lib/intake/policy/reply-routing.ts: due now while open, else at the next opening.
      const dueAt = nextOpening(schedule, replyAt) ?? replyAt;
      callback(conv, { callId, messageId: replyId, reason: script.callbackReason ?? "Wants to book", priority: "hot", dueAt, createdAt: replyAt });
    }

    // The desk answers (always when it ends in a booking), once the spa is open.
    if (fresh || replyAt.getTime() > now.getTime() - 3 * HOUR || (!booked && !rng.chance(0.5))) return;
    const answerAt = plus(new Date(Math.max(replyAt.getTime(), (nextOpening(schedule, replyAt) ?? replyAt).getTime())), rng.int(180, 2400) * SECOND);
    if (answerAt > now) return;
    const treatment = script.treatment ?? rng.weighted(TREATMENTS, (t) => t.weight).name;
    const bookedFor = booked ? pickSlot(rng, location, answerAt) : null;
    const answer = bookedFor ? `You're all set: ${treatment} on ${formatters[p.locationIndex]?.format(bookedFor)} at ${spaName} ${location.name}. See you then!` : script.answer;
    const answerId = message({
      conversationId: conv.id,
      contactId,
      direction: "outbound",
      fromNumber: location.number,
      toNumber: c.phone,
      body: answer,
      status: "delivered",
      providerSid: `SM${hex32(rng)}`,
      automated: false,
      authorId: deskId,
      sentAt: answerAt,
      createdAt: answerAt,
    });
    event({ ...ids, messageId: answerId, type: "reply_sent", detail: { memberId: deskId }, createdAt: answerAt });
    humanTouches.set(c.index, [...(humanTouches.get(c.index) ?? []), answerAt]);
    conv.items.push({ at: answerAt, kind: "text_sent", body: answer, inbound: false, human: true, hot: false });
    if (!bookedFor) return;
    bookVisit(rng, out.bookings, { orgId, locationId: location.id, contactId, conv, callId, messageId: replyId, treatment, bookedFor, deskId, answerAt, now });
  });

  finish({ out, convs, cbs, pool, firstSeen, landlineKnownAt, rng, now, orgId, deskId });
  return out;
}

type FinishState = {
  out: DemoHistory;
  convs: Map<string, Conv>;
  cbs: Callback[];
  pool: PoolContact[];
  firstSeen: Map<number, Date>;
  landlineKnownAt: Map<number, Date>;
  rng: Rng;
  now: Date;
  orgId: string;
  deskId: string;
};

function finish(s: FinishState): void {
  const { out, rng, now, orgId, deskId } = s;
  normalizeValues(out.bookings, 140_000);
  // Conversations: the most recent ones still wait for a human; the rest were handled.
  const summaries = [...s.convs.values()].map((conv) => {
    const items = conv.items.sort((a, b) => a.at.getTime() - b.at.getTime());
    const last = items[items.length - 1];
    if (!last) throw new Error("seed: empty conversation");
    const afterHuman = items.slice(items.findLastIndex((i) => i.human) + 1);
    const waiting = afterHuman.filter((i) => i.inbound && now.getTime() - i.at.getTime() < 48 * HOUR);
    return { conv, items, last, waiting };
  });
  const open = new Set(
    summaries
      .filter((x) => x.waiting.length > 0)
      .sort((a, b) => b.last.at.getTime() - a.last.at.getTime())
      .slice(0, OPEN_CONVERSATIONS)
      .map((x) => x.conv),
  );
  for (const { conv, items, last, waiting } of summaries) {
    const isOpen = open.has(conv);
    out.conversations.push({
      id: conv.id,
      orgId,
      locationId: conv.call.location.id,
      contactId: stableUuid(`contact:${conv.call.contact.index}`),
      status: isOpen ? "open" : "done",
      priority: !isOpen ? "normal" : waiting.some((i) => i.hot) ? "hot" : conv.call.contact.kind === "client" ? "high" : "normal",
      lastActivityKind: last.kind,
      lastActivityAt: last.at,
      lastMessagePreview: items.findLast((i) => i.body !== null)?.body ?? null,
      waitingSince: isOpen ? (waiting[0]?.at ?? null) : null,
      unreadCount: isOpen ? waiting.length : 0,
      createdAt: conv.createdAt,
    });
  }
  // Callbacks: the few still open go to the people still waiting (db/seed-history-bookings.ts).
  const waitingSince = new Map(summaries.filter((x) => open.has(x.conv)).map((x) => [x.conv, x.waiting[0]?.at ?? now]));
  settleCallbacks({ cbs: s.cbs, callbacks: out.callbacks, events: out.events, rng, now, orgId, deskId }, open, waitingSince);
  // Contacts: only the callers who called; learned landlines keep what Twilio told us.
  for (const c of s.pool) {
    const first = s.firstSeen.get(c.index);
    if (!first) continue;
    const landline = s.landlineKnownAt.get(c.index) ?? null;
    out.contacts.push({
      id: stableUuid(`contact:${c.index}`),
      orgId,
      phone: c.phone,
      name: c.name,
      kind: c.kind,
      optedOutAt: c.optedOutAt,
      blockedAt: c.blockedAt,
      lineType: landline ? "landline" : null,
      lineTypeCheckedAt: landline,
      createdAt: c.knownSince && c.knownSince < first ? c.knownSince : first,
    });
  }
  out.events.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}
