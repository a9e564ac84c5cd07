import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { Composer } from "@/components/inbox/composer";
import { decodeCursor } from "@/components/inbox/conversation-list";
import { BookingMenuProvider } from "@/components/bookings/booking-menu";
import { ConversationBookings, ConversationMarkBooked } from "@/components/bookings/conversation-bookings";
import { ConversationHeader } from "@/components/inbox/conversation-header";
import { InboxSidebar } from "@/components/inbox/inbox-sidebar";
import { InboxShortcuts } from "@/components/inbox/keyboard-shortcuts";
import { Timeline } from "@/components/inbox/timeline";
import { ListSkeleton } from "@/components/ui/skeleton";
import { listUnfinishedCallbacks } from "@/db/queries/callbacks";
import { getConversation, getInboxOptions, markRead, type ConversationDetail } from "@/db/queries/conversations";
import { listQuickReplies } from "@/db/queries/quick-replies";
import { getTimeline } from "@/db/queries/timeline";
import { requireMemberPage } from "@/lib/auth/session";
import { readBookingMenu } from "@/lib/bookings/read-menu";
import { inboxHref, parseInboxFilter, type SearchParams } from "@/lib/inbox/filters";

export const metadata: Metadata = { title: "Conversation" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function ConversationTimeline({ orgId, detail, canCancel, showValues }: { orgId: string; detail: ConversationDetail; canCancel: boolean; showValues: boolean }) {
  const { conversation, contact, location } = detail;
  const items = await getTimeline({ orgId, conversationId: conversation.id, contactId: contact.id, locationId: location.id });
  return <Timeline items={items} timezone={location.timezone} canCancel={canCancel} showValues={showValues} />;
}

export default async function ConversationPage({ params, searchParams }: { params: Promise<{ conversationId: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMemberPage();
  const { conversationId } = await params;
  if (!UUID.test(conversationId)) notFound();
  const query = await searchParams;
  const filter = parseInboxFilter(query);
  const detail = await getConversation({ orgId: member.orgId, conversationId });
  if (!detail) notFound();
  const [options, quickReplies, openCallbacks, bookingMenu] = await Promise.all([
    getInboxOptions({ orgId: member.orgId }),
    listQuickReplies({ orgId: member.orgId }),
    listUnfinishedCallbacks({ orgId: member.orgId, conversationId }),
    readBookingMenu(member),
    markRead({ orgId: member.orgId, conversationId }),
  ]);
  const [firstOpen] = openCallbacks;
  const { contact } = detail;
  const disabledReason = contact.optedOutAt
    ? "This person opted out of texts (replied STOP). Texting is off until they text START."
    : contact.blockedAt
      ? "This number is blocked, so texting is off."
      : null;

  return (
    <div className="grid grid-cols-1 lg:grid-cols-[24rem_1fr]">
      <aside aria-labelledby="inbox-heading" className="hidden border-r border-slate-200 bg-white lg:block lg:h-[calc(100dvh-3.5rem-1px)] lg:overflow-y-auto">
        <InboxSidebar member={member} filter={filter} cursor={decodeCursor(query.before)} selectedId={conversationId} basePath={`/inbox/${conversationId}`} headingLevel="h2" />
      </aside>
      {/* The window minus the app header (5rem + border on phones, where the nav wraps; 3.5rem above). */}
      <section aria-labelledby="conversation-heading" className="flex h-[calc(100dvh-5rem-1px)] min-w-0 flex-col sm:h-[calc(100dvh-3.5rem-1px)]">
        <ConversationHeader
          detail={detail}
          members={options.members}
          meId={member.id}
          backHref={inboxHref("/inbox", filter)}
          openCallback={firstOpen ? { reason: firstOpen.reason, hot: firstOpen.priority === "hot", count: openCallbacks.length } : null}
          bookingAction={
            <BookingMenuProvider menu={bookingMenu}>
              <ConversationMarkBooked orgId={member.orgId} conversationId={conversationId} />
            </BookingMenuProvider>
          }
        />
        <Suspense fallback={null}>
          <ConversationBookings orgId={member.orgId} conversationId={conversationId} showValues={bookingMenu.showValues} />
        </Suspense>
        {/* column-reverse: opens scrolled to the newest item, and stays there as new ones arrive. */}
        <div className="flex flex-1 flex-col-reverse overflow-y-auto px-4 py-4">
          <Suspense fallback={<ListSkeleton rows={4} />}>
            <ConversationTimeline orgId={member.orgId} detail={detail} canCancel={member.role === "owner" || member.role === "coordinator"} showValues={bookingMenu.showValues} />
          </Suspense>
        </div>
        <div className="border-t border-slate-200 bg-white p-4">
          <Composer conversationId={conversationId} disabledReason={disabledReason} quickReplies={quickReplies.map((q) => ({ id: q.id, title: q.title, body: q.body }))} />
        </div>
      </section>
      <AutoRefresh />
      <InboxShortcuts mode="conversation" />
    </div>
  );
}
