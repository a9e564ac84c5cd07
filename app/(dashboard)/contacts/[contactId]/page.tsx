import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CallsResults } from "@/components/calls/calls-results";
import { ContactConversations } from "@/components/contacts/contact-conversations";
import { ContactHeader } from "@/components/contacts/contact-header";
import { KindForm } from "@/components/contacts/kind-form";
import { LINE_TYPE_LABELS, leadStatusLabel } from "@/components/contacts/labels";
import { OptOutStatus } from "@/components/contacts/opt-out-status";
import { StaffToggle } from "@/components/contacts/staff-toggle";
import { TableSkeleton } from "@/components/tables/table-skeleton";
import { listLocationOptions } from "@/db/queries/calls-list";
import { getContact, listContactConversations } from "@/db/queries/contacts";
import { requireMemberPage } from "@/lib/auth/session";
import { callsQuery, parseCallsState } from "@/lib/tables/calls-state";
import type { RawSearchParams } from "@/lib/tables/table-state";

export const metadata: Metadata = { title: "Contact" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="border-b border-slate-200 bg-white">
      <h2 className="px-4 pt-4 pb-2 text-sm font-semibold text-slate-900 sm:px-6">{title}</h2>
      {children}
    </section>
  );
}

export default async function ContactPage({ params, searchParams }: { params: Promise<{ contactId: string }>; searchParams: Promise<RawSearchParams> }) {
  const member = await requireMemberPage();
  const { contactId } = await params;
  if (!UUID.test(contactId)) notFound();
  const [contact, conversations, locations] = await Promise.all([
    getContact({ orgId: member.orgId, contactId }),
    listContactConversations({ orgId: member.orgId, contactId }),
    listLocationOptions({ orgId: member.orgId }),
  ]);
  if (!contact) notFound();
  const timezone = conversations[0]?.timezone ?? locations[0]?.timezone ?? "UTC";
  // Only the page and its size come from the URL here: every call on this page is this contact's.
  const calls = { ...parseCallsState(await searchParams), filters: {} };

  return (
    <div>
      <ContactHeader contact={contact} timezone={timezone} />
      <Section title="Details">
        <div className="grid gap-4 px-4 pb-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-3">
          <KindForm contactId={contact.id} kind={contact.kind} />
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Lead status</dt>
            <dd>{leadStatusLabel(contact.leadStatus)}</dd>
            <dt className="text-slate-500">Line type</dt>
            <dd>{contact.lineType ? LINE_TYPE_LABELS[contact.lineType] : "Not checked yet"}</dd>
          </dl>
          <StaffToggle contactId={contact.id} isStaff={contact.isStaff} />
        </div>
      </Section>
      <Section title="Texting">
        <div className="px-4 pb-4 sm:px-6">
          <OptOutStatus optedOutAt={contact.optedOutAt} timezone={timezone} />
        </div>
      </Section>
      <Section title="Conversations">
        <ContactConversations conversations={conversations} />
      </Section>
      <Section title="Calls">
        <Suspense key={JSON.stringify(callsQuery(calls))} fallback={<TableSkeleton rows={5} columns={5} />}>
          <CallsResults orgId={member.orgId} state={calls} contactId={contact.id} pathname={`/contacts/${contact.id}`} />
        </Suspense>
      </Section>
    </div>
  );
}
