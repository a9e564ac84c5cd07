import type { Metadata } from "next";
import { Suspense } from "react";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { ConversationList, decodeCursor } from "@/components/inbox/conversation-list";
import { ListSkeleton } from "@/components/ui/skeleton";
import { requireMemberPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const member = await requireMemberPage();
  const { before } = await searchParams;
  return (
    <div className="grid lg:grid-cols-[24rem_1fr]">
      <section aria-labelledby="inbox-heading" className="h-[calc(100vh-3.5rem)] overflow-y-auto border-r border-slate-200 bg-white">
        <h1 id="inbox-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
          Inbox
        </h1>
        <Suspense fallback={<ListSkeleton />}>
          <ConversationList orgId={member.orgId} cursor={decodeCursor(before)} />
        </Suspense>
      </section>
      <div className="hidden items-center justify-center p-8 text-sm text-slate-500 lg:flex">
        Select a conversation to see the calls and texts.
      </div>
      <AutoRefresh />
    </div>
  );
}
