import Link from "next/link";
import { countWorkByTab } from "@/db/queries/conversations";
import { inboxHref, isTabActive, TAB_LABEL, TABS, toggleTab, type InboxFilter, type InboxTab } from "@/lib/inbox/filters";

/**
 * The toggles of the inbox as links (they work without JavaScript and live in the URL). Needs
 * reply, hot and mine/unassigned combine; each shows how many of its conversations still need
 * work (db/queries/conversations.ts needsWork: waiting for a reply, or a callback not done), not
 * how many are unread: opening a conversation does not make its work go away.
 * The block keeps the height of two rows whatever the counts are, so a count appearing on a live
 * refresh never pushes the list down.
 */
export function FilterTabs({ filter, basePath, counts }: { filter: InboxFilter; basePath: string; counts: Record<InboxTab, number> | null }) {
  return (
    // data-counts: "pending" while the counts stream in (this same row is the Suspense fallback).
    <nav aria-label="Filters" data-counts={counts ? "loaded" : "pending"} className="flex min-h-[4.75rem] flex-wrap content-start gap-1.5 px-4 py-2">
      {TABS.map((tab) => {
        const active = isTabActive(filter, tab);
        const count = counts?.[tab] ?? 0;
        return (
          <Link
            key={tab}
            href={inboxHref(basePath, toggleTab(filter, tab))}
            aria-current={active ? "true" : undefined}
            data-testid={`filter-${tab}`}
            className={`inline-flex h-7 shrink-0 items-center gap-1.5 rounded-full px-2.5 text-xs font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
              active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
            }`}
          >
            {active && tab !== "all" ? <span aria-hidden>✓</span> : null}
            {TAB_LABEL[tab]}
            {count > 0 ? (
              <span className={`min-w-5 rounded-full px-1 text-center tabular-nums ${active ? "bg-white/25" : "bg-brand-100 text-brand-700"}`}>
                {count}
                <span className="sr-only"> to do</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}

export async function FilterTabsWithCounts({ orgId, memberId, filter, basePath }: { orgId: string; memberId: string; filter: InboxFilter; basePath: string }) {
  const counts = await countWorkByTab({ orgId, memberId, filter });
  return <FilterTabs filter={filter} basePath={basePath} counts={counts} />;
}
