import type { Metadata } from "next";
import { AutoRefresh } from "@/components/inbox/auto-refresh";
import { decodeCursor } from "@/components/inbox/conversation-list";
import { InboxSidebar } from "@/components/inbox/inbox-sidebar";
import { InboxShortcuts } from "@/components/inbox/keyboard-shortcuts";
import { GettingStarted } from "@/components/onboarding/getting-started";
import { requireMemberPage } from "@/lib/auth/session";
import { parseInboxFilter, type SearchParams } from "@/lib/inbox/filters";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const member = await requireMemberPage();
  const params = await searchParams;
  const filter = parseInboxFilter(params);
  return (
    <div className="grid grid-cols-1 lg:grid-cols-[24rem_1fr]">
      {params.denied ? (
        <p role="alert" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 lg:col-span-2">
          That page is for owners. Ask an owner of your spa if you need a setting changed.
        </p>
      ) : null}
      <GettingStarted />
      {/* Phone: the page scrolls (filters stay on top). Desktop: the list scrolls beside the panel. */}
      <section aria-labelledby="inbox-heading" className="min-w-0 border-slate-200 bg-white lg:h-[calc(100dvh-3.5rem-1px)] lg:overflow-y-auto lg:border-r">
        <InboxSidebar member={member} filter={filter} cursor={decodeCursor(params.before)} basePath="/inbox" headingLevel="h1" />
      </section>
      <div className="hidden flex-col items-center justify-center gap-2 p-8 text-center text-sm text-slate-500 lg:flex">
        <p>Select a conversation to see the calls and texts.</p>
        <p>
          Press <kbd className="rounded border border-slate-300 bg-white px-1 font-mono">j</kbd> and{" "}
          <kbd className="rounded border border-slate-300 bg-white px-1 font-mono">k</kbd> to move through the list,{" "}
          <kbd className="rounded border border-slate-300 bg-white px-1 font-mono">?</kbd> for all shortcuts.
        </p>
      </div>
      <AutoRefresh />
      <InboxShortcuts mode="list" />
    </div>
  );
}
