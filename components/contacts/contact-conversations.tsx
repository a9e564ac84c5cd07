import Link from "next/link";
import { ActivityBadge } from "@/components/inbox/activity-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { ContactConversation } from "@/db/queries/contacts";
import { formatDateTime } from "@/lib/format";

export function ContactConversations({ conversations }: { conversations: ContactConversation[] }) {
  if (conversations.length === 0) {
    return <EmptyState title="No conversations yet">A conversation starts when they miss a call with us or text one of our numbers.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-100" aria-label="Conversations by location">
      {conversations.map((c) => (
        <li key={c.id}>
          <Link href={`/inbox/${c.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50 sm:px-6" data-testid="contact-conversation">
            <span className="font-medium text-brand-700">{c.locationName}</span>
            <ActivityBadge kind={c.lastActivityKind} />
            <span className="text-xs text-slate-500">{c.status === "open" ? "Open" : "Done"}</span>
            <time dateTime={c.lastActivityAt.toISOString()} className="ml-auto text-xs text-slate-500">
              {formatDateTime(c.lastActivityAt, c.timezone)}
            </time>
          </Link>
        </li>
      ))}
    </ul>
  );
}
