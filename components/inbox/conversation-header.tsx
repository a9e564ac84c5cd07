import Link from "next/link";
import type { ConversationDetail, InboxOptions } from "@/db/queries/conversations";
import { KIND_LABELS, KIND_TONES } from "@/components/contacts/labels";
import { Badge } from "@/components/ui/badge";
import { PhoneLink } from "@/components/ui/phone-link";
import { INTENT_LABEL } from "@/lib/inbox/filters";
import type { Intent } from "@/lib/messaging/intent";
import { AssignmentControls } from "./assignment-controls";
import { StatusButton, type OpenCallbackSummary } from "./status-button";

/**
 * Who this is, where they called, who has the conversation, and what can be done about it.
 * `bookingAction` is the slot for the "Mark booked" button (components/bookings/), shown next to
 * "Mark done"; the page passes it in.
 */
export function ConversationHeader({
  detail,
  members,
  meId,
  backHref,
  bookingAction,
  openCallback = null,
}: {
  detail: ConversationDetail;
  members: InboxOptions["members"];
  meId: string;
  backHref: string;
  bookingAction?: React.ReactNode;
  /** What "Mark done" asks about. */
  openCallback?: OpenCallbackSummary | null;
}) {
  const { conversation, contact, location, assignee } = detail;
  const phone = <PhoneLink phone={contact.phone} />;
  const intent = conversation.intent && conversation.intent !== "other" ? (INTENT_LABEL[conversation.intent as Intent] ?? conversation.intent) : null;
  return (
    <header className="space-y-2 border-b border-slate-200 bg-white px-4 py-3">
      <Link href={backHref} className="text-sm text-brand-700 lg:hidden">
        ← Inbox
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h1 id="conversation-heading" className="truncate text-base font-semibold">
            {contact.name ?? phone}
          </h1>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
            <span>
              {contact.name ? <>{phone} · </> : null}
              {location.name}
            </span>
            <Badge tone={KIND_TONES[contact.kind]}>{KIND_LABELS[contact.kind]}</Badge>
            {conversation.priority === "hot" ? <Badge tone="rose">Hot</Badge> : null}
            {intent ? <Badge tone="sky">{intent}</Badge> : null}
            {contact.optedOutAt ? <Badge tone="red">Opted out</Badge> : null}
            {contact.blockedAt ? <Badge tone="slate">Blocked</Badge> : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {bookingAction}
          <StatusButton conversationId={conversation.id} status={conversation.status} openCallback={openCallback} />
        </div>
      </div>
      <AssignmentControls conversationId={conversation.id} assignee={assignee} members={members} meId={meId} />
    </header>
  );
}
