import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { ConversationList } from "@/components/inbox/conversation-list";
import { ReplyForm } from "@/components/inbox/reply-form";
import { Timeline } from "@/components/inbox/timeline";
import { ListSkeleton } from "@/components/ui/skeleton";
import { getDb } from "@/db/client";
import { getConversation, markRead } from "@/db/queries/conversations";
import { getTimeline } from "@/db/queries/timeline";
import { requireMemberPage } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";

export const metadata: Metadata = { title: "Conversation" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const member = await requireMemberPage();
  const { conversationId } = await params;
  if (!UUID.test(conversationId)) notFound();
  const db = await getDb();
  const detail = await getConversation(db, { orgId: member.orgId, conversationId });
  if (!detail) notFound();
  const { conversation, contact, location } = detail;
  const [items] = await Promise.all([
    getTimeline(db, { orgId: member.orgId, conversationId, contactId: contact.id, locationId: location.id }),
    markRead(db, { orgId: member.orgId, conversationId }),
  ]);
  const disabledReason = contact.optedOutAt
    ? "This person opted out of texts (replied STOP). Texting is off until they text START."
    : contact.blockedAt
      ? "This number is blocked, so texting is off."
      : null;

  return (
    <div className="grid lg:grid-cols-[24rem_1fr]">
      <aside className="hidden h-[calc(100vh-3.5rem)] overflow-y-auto border-r border-slate-200 bg-white lg:block">
        <Suspense fallback={<ListSkeleton />}>
          <ConversationList orgId={member.orgId} selectedId={conversation.id} />
        </Suspense>
      </aside>
      <section aria-labelledby="conversation-heading" className="flex h-[calc(100vh-3.5rem)] flex-col">
        <header className="border-b border-slate-200 bg-white px-4 py-3">
          <Link href="/inbox" className="text-sm text-brand-700 lg:hidden">
            ← Inbox
          </Link>
          <h1 id="conversation-heading" className="text-base font-semibold">
            {contact.name ?? formatPhone(contact.phone)}
          </h1>
          <p className="text-sm text-slate-600">
            {contact.name ? `${formatPhone(contact.phone)} · ` : ""}
            {location.name}
            {contact.optedOutAt ? <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800">Opted out</span> : null}
            {contact.blockedAt ? <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs font-medium text-slate-800">Blocked</span> : null}
          </p>
        </header>
        <div className="flex-1 overflow-y-auto px-4 py-4">
          <Timeline items={items} timezone={location.timezone} />
        </div>
        <div className="border-t border-slate-200 bg-white p-4">
          <ReplyForm conversationId={conversation.id} disabledReason={disabledReason} />
        </div>
      </section>
      <AutoRefresh />
    </div>
  );
}
