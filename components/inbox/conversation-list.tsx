import Link from "next/link";
import { listConversations, type InboxCursor, type InboxRow } from "@/db/queries/conversations";
import { formatRelative } from "@/lib/format";
import { INTENT_LABEL, inboxHref, isFiltered, EMPTY_FILTER, type InboxFilter } from "@/lib/inbox/filters";
import type { Intent } from "@/lib/messaging/intent";
import { formatPhone } from "@/lib/phone";
import { EmptyState } from "@/components/ui/empty-state";
import { ActivityBadge } from "./activity-badge";

export function encodeCursor(cursor: InboxCursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

export function decodeCursor(raw: string | string[] | undefined): InboxCursor | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/);
  return match?.[1] && match[2] ? { at: new Date(match[1]), id: match[2] } : null;
}

function Row({ row, href, selected, now }: { row: InboxRow; href: string; selected: boolean; now: Date }) {
  const unread = row.unreadCount > 0;
  return (
    <Link
      href={href}
      prefetch={false}
      aria-current={selected ? "page" : undefined}
      data-testid="conversation-row"
      data-conversation-row={row.id}
      className={`block px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 ${selected ? "bg-brand-50" : ""}`}
    >
      <div className="flex items-baseline gap-2">
        {unread ? <span role="img" aria-label="Unread" className="h-2 w-2 shrink-0 rounded-full bg-brand-500" /> : null}
        <span className={`truncate text-sm ${unread ? "font-semibold" : "font-medium"}`}>{row.contactName ?? formatPhone(row.contactPhone)}</span>
        <time dateTime={row.lastActivityAt.toISOString()} className="ml-auto shrink-0 text-xs text-slate-500">
          {formatRelative(row.lastActivityAt, now)}
        </time>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
        <ActivityBadge kind={row.lastActivityKind} />
        <span className="text-xs text-slate-500">{row.locationName}</span>
        {row.priority !== "normal" ? <span className="text-xs font-medium text-rose-700">{row.priority === "hot" ? "Hot" : "Called again"}</span> : null}
        {row.intent && row.intent !== "other" ? <span className="text-xs text-slate-600">{INTENT_LABEL[row.intent as Intent] ?? row.intent}</span> : null}
        {row.status === "done" ? <span className="text-xs font-medium text-emerald-700">Done</span> : null}
        <span className="ml-auto text-xs text-slate-500">{row.assigneeName ? `→ ${row.assigneeName.split(" ")[0]}` : null}</span>
      </div>
      {row.lastMessagePreview ? <p className="mt-1 line-clamp-1 text-sm text-slate-600">{row.lastMessagePreview}</p> : null}
    </Link>
  );
}

/** One page of the inbox under the current filters; every link keeps the filters. */
export async function ConversationList({
  orgId,
  memberId,
  filter,
  cursor,
  selectedId,
  basePath,
}: {
  orgId: string;
  memberId: string;
  filter: InboxFilter;
  cursor?: InboxCursor | null;
  selectedId?: string;
  basePath: string;
}) {
  const { rows, next } = await listConversations({ orgId, memberId, filter, cursor, limit: 50 });
  if (rows.length === 0) {
    if (cursor) {
      return (
        <EmptyState title="No older conversations">
          <Link href={inboxHref(basePath, filter)} className="font-medium text-brand-700 underline">
            Back to the newest
          </Link>
        </EmptyState>
      );
    }
    if (isFiltered(filter)) {
      return (
        <EmptyState title="No conversations match these filters">
          <Link href={inboxHref(basePath, EMPTY_FILTER)} className="font-medium text-brand-700 underline">
            Clear filters
          </Link>
        </EmptyState>
      );
    }
    return (
      <EmptyState title="All caught up">
        <p>No open conversations. When a call is missed, the caller and the text-back appear here.</p>
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <div>
      <ul aria-label="Conversations" className="divide-y divide-slate-100">
        {rows.map((row) => (
          <li key={row.id}>
            <Row row={row} href={inboxHref(`/inbox/${row.id}`, filter)} selected={row.id === selectedId} now={now} />
          </li>
        ))}
      </ul>
      {cursor || next ? (
        <nav aria-label="Pages" className="flex justify-center gap-4 border-t border-slate-100 p-3 text-sm font-medium">
          {cursor ? (
            <Link href={inboxHref(basePath, filter)} className="text-brand-700 hover:underline">
              Newest
            </Link>
          ) : null}
          {next ? (
            <Link href={inboxHref(basePath, filter, encodeCursor(next))} className="text-brand-700 hover:underline">
              Older conversations
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
