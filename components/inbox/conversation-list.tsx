import Link from "next/link";
import { getDb } from "@/db/client";
import { listConversations, type InboxCursor } from "@/db/queries/conversations";
import { formatRelative } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { ActivityBadge } from "./activity-badge";

export function encodeCursor(cursor: InboxCursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

export function decodeCursor(raw: string | undefined): InboxCursor | null {
  const match = raw?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/);
  return match?.[1] && match[2] ? { at: new Date(match[1]), id: match[2] } : null;
}

export async function ConversationList({ orgId, selectedId, cursor }: { orgId: string; selectedId?: string; cursor?: InboxCursor | null }) {
  const { rows, next } = await listConversations(await getDb(), { orgId, cursor, limit: 50 });
  if (rows.length === 0) {
    return (
      <div className="p-8 text-center text-sm text-slate-600">
        <p className="font-medium text-slate-900">No conversations yet</p>
        <p className="mt-1">When a call is missed, the caller and the text-back appear here.</p>
      </div>
    );
  }
  const now = new Date();
  return (
    <div>
      <ul aria-label="Conversations" className="divide-y divide-slate-100">
        {rows.map((row) => {
          const selected = row.id === selectedId;
          return (
            <li key={row.id}>
              <Link
                href={`/inbox/${row.id}`}
                prefetch={false}
                aria-current={selected ? "page" : undefined}
                data-testid="conversation-row"
                className={`block px-4 py-3 hover:bg-slate-50 ${selected ? "bg-brand-50" : ""}`}
              >
                <div className="flex items-baseline gap-2">
                  {row.unreadCount > 0 ? <span aria-label="Unread" className="h-2 w-2 shrink-0 rounded-full bg-brand-500" /> : null}
                  <span className={`truncate text-sm ${row.unreadCount > 0 ? "font-semibold" : "font-medium"}`}>
                    {row.contactName ?? formatPhone(row.contactPhone)}
                  </span>
                  <time dateTime={row.lastActivityAt.toISOString()} className="ml-auto shrink-0 text-xs text-slate-500">
                    {formatRelative(row.lastActivityAt, now)}
                  </time>
                </div>
                <div className="mt-1 flex items-center gap-2">
                  <ActivityBadge kind={row.lastActivityKind} />
                  <span className="text-xs text-slate-500">{row.locationName}</span>
                  {row.priority !== "normal" ? (
                    <span className="text-xs font-medium text-rose-700">{row.priority === "hot" ? "Hot" : "Called again"}</span>
                  ) : null}
                </div>
                {row.lastMessagePreview ? <p className="mt-1 line-clamp-1 text-sm text-slate-600">{row.lastMessagePreview}</p> : null}
              </Link>
            </li>
          );
        })}
      </ul>
      {next ? (
        <div className="border-t border-slate-100 p-3 text-center">
          <Link href={`/inbox?before=${encodeURIComponent(encodeCursor(next))}`} className="text-sm font-medium text-brand-700 hover:underline">
            Older conversations
          </Link>
        </div>
      ) : null}
    </div>
  );
}
