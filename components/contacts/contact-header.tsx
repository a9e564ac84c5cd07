import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PhoneLink } from "@/components/ui/phone-link";
import type { Contact } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { BlockControl } from "./block-control";
import { KIND_LABELS, KIND_TONES } from "./labels";

export function ContactHeader({ contact, timezone }: { contact: Contact; timezone: string }) {
  const phone = formatPhone(contact.phone);
  const who = contact.name ?? phone;
  return (
    <header className="border-b border-slate-200 bg-white px-4 py-4 sm:px-6">
      <Link href="/contacts" className="text-sm text-brand-700 hover:underline">
        ← Contacts
      </Link>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          {/* A caller's name is whatever they or the desk typed: a long unbroken one wraps rather than widening the page. */}
          <h1 className="text-lg font-semibold text-slate-900 [overflow-wrap:anywhere]">{contact.name ?? <PhoneLink phone={contact.phone} />}</h1>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {contact.name ? <PhoneLink phone={contact.phone} /> : null}
            <Badge tone={KIND_TONES[contact.kind]}>{KIND_LABELS[contact.kind]}</Badge>
            {contact.blockedAt ? (
              <Badge tone="slate" className="ring-slate-400">
                Blocked
              </Badge>
            ) : null}
            {contact.optedOutAt ? <Badge tone="red">Opted out</Badge> : null}
            {contact.isStaff ? <Badge tone="violet">Staff</Badge> : null}
          </p>
          {contact.blockedAt ? (
            <p className="mt-1 text-xs text-slate-500">
              Blocked since <time dateTime={contact.blockedAt.toISOString()}>{formatDateTime(contact.blockedAt, timezone)}</time>: Rebound never texts this number.
            </p>
          ) : null}
        </div>
        <BlockControl contactId={contact.id} blocked={contact.blockedAt !== null} who={who} />
      </div>
    </header>
  );
}
