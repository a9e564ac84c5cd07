import Link from "next/link";
import { Suspense } from "react";
import { getInboxOptions, type InboxCursor } from "@/db/queries/conversations";
import { ListSkeleton } from "@/components/ui/skeleton";
import { EMPTY_FILTER, filterParams, inboxHref, isFiltered, type InboxFilter } from "@/lib/inbox/filters";
import { ConversationList } from "./conversation-list";
import { FilterForm } from "./filter-form";
import { FilterTabs, FilterTabsWithCounts } from "./filter-tabs";
import { ShortcutsButton } from "./keyboard-shortcuts";

async function FilterFormWithOptions({ orgId, filter, basePath }: { orgId: string; filter: InboxFilter; basePath: string }) {
  const { locations } = await getInboxOptions({ orgId });
  // A new key when the filters change (a tab, "Clear filters", Back): the fields show the URL again.
  return <FilterForm key={filterParams(filter).toString()} filter={filter} basePath={basePath} locations={locations} />;
}

/** Same height as the form, so the list does not jump when the menus arrive (they wrap to two lines on a phone and in the desktop column). */
function FilterFormSkeleton() {
  return (
    <div aria-hidden className="space-y-2 px-4 pt-3">
      <div className="h-8 animate-pulse rounded-md bg-slate-100" />
      <div className="h-8 animate-pulse rounded-md bg-slate-100" />
      <div className="h-8 animate-pulse rounded-md bg-slate-100 sm:hidden lg:block" />
    </div>
  );
}

/**
 * The inbox column: heading, search and filters, tabs with work-left counts, and the list. The list
 * page and the conversation page both show it; `basePath` is where filter links lead.
 */
export function InboxSidebar({
  member,
  filter,
  cursor,
  selectedId,
  basePath,
  headingLevel,
}: {
  member: { id: string; orgId: string };
  filter: InboxFilter;
  cursor: InboxCursor | null;
  selectedId?: string;
  basePath: string;
  headingLevel: "h1" | "h2";
}) {
  const Heading = headingLevel;
  return (
    <>
      <div className="sticky top-0 z-10 border-b border-slate-200 bg-white pb-1">
        <div className="flex items-center gap-2 px-4 pt-3">
          <Heading id="inbox-heading" className="text-base font-semibold">
            Inbox
          </Heading>
          {isFiltered(filter) ? (
            <Link href={inboxHref(basePath, EMPTY_FILTER)} className="text-xs font-medium text-brand-700 hover:underline">
              Clear filters
            </Link>
          ) : null}
          <ShortcutsButton />
        </div>
        <Suspense fallback={<FilterFormSkeleton />}>
          <FilterFormWithOptions orgId={member.orgId} filter={filter} basePath={basePath} />
        </Suspense>
        <Suspense fallback={<FilterTabs filter={filter} basePath={basePath} counts={null} />}>
          <FilterTabsWithCounts orgId={member.orgId} memberId={member.id} filter={filter} basePath={basePath} />
        </Suspense>
      </div>
      <Suspense fallback={<ListSkeleton />}>
        <ConversationList orgId={member.orgId} memberId={member.id} filter={filter} cursor={cursor} selectedId={selectedId} basePath={basePath} />
      </Suspense>
    </>
  );
}
