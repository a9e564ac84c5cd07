import { eq, sql, type AnyColumn } from "drizzle-orm";
import { resolveDb, rowsOf, type Executor } from "../client";
import { bookings, callbacks, calls, messages, organizations, phoneNumbers, type ProofStatus } from "../schema";
import type { Provider } from "@/lib/telephony/call-event";

export type SendSignals = {
  /** The caller texted back after this text was queued. */
  replied: boolean;
  /** A booking was recorded for the contact after this text was queued. */
  booked: boolean;
  /** A coordinator reached the caller by phone after this text was queued. */
  calledBack: boolean;
  /** A coordinator texted the caller after this text was queued. */
  humanTexted: boolean;
  /** Automatic texts actually sent to the contact in the last 24 h (any location). */
  autoTextsSent24h: number;
};

/**
 * What happened since an automatic text was queued, to decide at send time whether it still should
 * go. One round trip (it runs before every automatic text): each signal is a subquery.
 */
export async function sendSignals(
  { orgId, contactId, conversationId, messageId, queuedAt, now }: { orgId: string; contactId: string; conversationId: string; messageId: string; queuedAt: Date; now: Date },
  ex?: Executor,
): Promise<SendSignals> {
  const db = await resolveDb(ex);
  const since = queuedAt.toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const result = await db.execute(sql`
    select
      coalesce(m.replied, false) or exists (
        select 1 from ${messages} r
        where r.conversation_id = ${conversationId} and r.direction = 'inbound' and r.created_at > ${since}::timestamptz
      ) as "replied",
      coalesce(m.human_texted, false) as "humanTexted",
      coalesce(m.auto_texts, 0)::int as "autoTexts",
      exists (
        select 1 from ${bookings} b where b.org_id = ${orgId} and b.contact_id = ${contactId} and b.created_at > ${since}::timestamptz
      ) as "booked",
      exists (
        select 1 from ${callbacks} c
        where c.org_id = ${orgId} and c.contact_id = ${contactId} and c.status = 'done'
          and c.outcome in ('reached', 'booked') and c.completed_at > ${since}::timestamptz
      ) as "calledBack"
    from (
      select
        bool_or(direction = 'inbound' and created_at > ${since}::timestamptz) as replied,
        bool_or(direction = 'outbound' and not automated and created_at > ${since}::timestamptz) as human_texted,
        count(*) filter (where automated and direction = 'outbound' and sent_at >= ${dayAgo}::timestamptz) as auto_texts
      from ${messages}
      where org_id = ${orgId} and contact_id = ${contactId} and id <> ${messageId}
    ) m`);
  const [row] = rowsOf<{ replied: boolean; humanTexted: boolean; autoTexts: number; booked: boolean; calledBack: boolean }>(result);
  return {
    replied: Boolean(row?.replied),
    booked: Boolean(row?.booked),
    calledBack: Boolean(row?.calledBack),
    humanTexted: Boolean(row?.humanTexted),
    autoTextsSent24h: Number(row?.autoTexts ?? 0),
  };
}

/** The number a text would go from, as its organization holds it: which provider sends, and may it. */
export type SendingNumber = {
  id: string;
  provider: Provider;
  e164: string;
  providerNumberId: string | null;
  proofStatus: ProofStatus;
  proofCheckedAt: Date | null;
  twilioOrigin: string | null;
  sendingPausedReason: string | null;
};

type NumberJson = Omit<SendingNumber, "proofCheckedAt"> & { proofCheckedAt: string | null };

/** What the organization may send, read with every text just before it goes (lib/intake/policy/send-guard.ts). */
export type SendingFacts = {
  /** The organization's `enabled_countries` (ISO codes). */
  enabledCountries: string[];
  /** The organization still holds the number the text would go from. */
  numberHeld: boolean;
  /** That number (null when not held). */
  number: SendingNumber | null;
  /** The contact called or texted the organization (an inbound call or message); read for manual texts only, true otherwise. */
  contactedFirst: boolean;
  /** The organization's automatic texts (text-backs, follow-ups) sent in the last 24 h. */
  autoTexts24h: number;
  /** The organization's manual texts sent in the last 24 h. */
  manualTexts24h: number;
  /** Texts sent from this text's number in the last minute, and when the oldest of them went. */
  fromNumberLastMinute: number;
  oldestInLastMinute: Date | null;
};

type FactsJson = { auto: number; manual: number; fromNumber: number; oldest: string | null };

/**
 * The columns of SendingFacts for the message row in `messages` (the outer query joins
 * `organizations` on the message's org): folded into the read every send makes anyway
 * (db/queries/messages.ts getTextToSend), so the caps cost no extra round trip. The counts walk the
 * organization's outbound texts queued in the last two days once (index messages_org_outbound_idx:
 * a follow-up is queued up to ~32 hours before it goes) and count those sent in the last 24 hours
 * (the daily caps) or the last minute (the per-number rate). Their number is bounded by the caps.
 */
export function sendingFactsColumns(outer: { orgId: AnyColumn; id: AnyColumn; contactId: AnyColumn; fromNumber: AnyColumn; automated: AnyColumn }) {
  return {
    number: sql<NumberJson | string | null>`(select json_build_object(
        'id', p.id, 'provider', p.provider, 'e164', p.e164, 'providerNumberId', p.provider_number_id, 'proofStatus', p.proof_status,
        'proofCheckedAt', p.proof_checked_at, 'twilioOrigin', p.twilio_origin, 'sendingPausedReason', p.sending_paused_reason)
      from ${phoneNumbers} p where p.org_id = ${outer.orgId} and p.e164 = ${outer.fromNumber})`,
    contactedFirst: sql<boolean>`case when ${outer.automated} then true else ${contactedFirstSql(outer.orgId, outer.contactId)} end`,
    counts: sql<FactsJson | string | null>`(
      select json_build_object(
        'auto', count(*) filter (where o.automated and o.template_situation is not null and o.sent_at >= now() - interval '1 day'),
        'manual', count(*) filter (where not o.automated and o.sent_at >= now() - interval '1 day'),
        'fromNumber', count(*) filter (where o.from_number = ${outer.fromNumber} and o.sent_at >= now() - interval '1 minute'),
        'oldest', min(o.sent_at) filter (where o.from_number = ${outer.fromNumber} and o.sent_at >= now() - interval '1 minute'))
      from ${messages} o
      where o.org_id = ${outer.orgId} and o.direction = 'outbound' and o.created_at >= now() - interval '2 days' and o.id <> ${outer.id})`,
  };
}

function contactedFirstSql(orgId: AnyColumn | string, contactId: AnyColumn | string) {
  return sql`(exists (select 1 from ${calls} c where c.org_id = ${orgId} and c.contact_id = ${contactId} and c.direction = 'inbound')
    or exists (select 1 from ${messages} i where i.org_id = ${orgId} and i.contact_id = ${contactId} and i.direction = 'inbound'))`;
}

function parsed<T>(value: T | string | null): T | null {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

export function sendingFactsOf(row: {
  enabledCountries: string[] | null;
  number: NumberJson | string | null;
  contactedFirst: boolean;
  counts: FactsJson | string | null;
}): SendingFacts {
  const counts: Partial<FactsJson> = parsed(row.counts) ?? {};
  const number = parsed(row.number);
  return {
    enabledCountries: row.enabledCountries ?? [],
    numberHeld: number !== null,
    number: number && { ...number, proofCheckedAt: number.proofCheckedAt ? new Date(number.proofCheckedAt) : null },
    contactedFirst: Boolean(row.contactedFirst),
    autoTexts24h: Number(counts.auto ?? 0),
    manualTexts24h: Number(counts.manual ?? 0),
    fromNumberLastMinute: Number(counts.fromNumber ?? 0),
    oldestInLastMinute: counts.oldest ? new Date(counts.oldest) : null,
  };
}

export type ManualSendFacts = { contactedFirst: boolean; manualTexts24h: number; enabledCountries: string[] };

/**
 * Checked when a coordinator sends a reply, so the reply box can say why at once (the outbox checks
 * again at send time). Manual texts queued but not sent yet count too: ten quick clicks are ten texts.
 */
export async function manualSendFacts({ orgId, contactId }: { orgId: string; contactId: string }, ex?: Executor): Promise<ManualSendFacts> {
  const db = await resolveDb(ex);
  const [row] = await db
    .select({
      contactedFirst: contactedFirstSql(orgId, contactId).mapWith(Boolean),
      manualTexts24h: sql<number>`(select count(*) from ${messages} o
        where o.org_id = ${orgId} and o.direction = 'outbound' and o.created_at >= now() - interval '1 day'
          and not o.automated and (o.sent_at is not null or o.status = 'pending'))`.mapWith(Number),
      enabledCountries: organizations.enabledCountries,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? { contactedFirst: false, manualTexts24h: 0, enabledCountries: [] };
}
