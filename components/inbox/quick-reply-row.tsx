"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { QUICK_REPLY_UNDO_MINUTES } from "@/lib/inbox/quick-reply-undo";
import type { QuickReplyOption } from "./quick-replies-menu";

/**
 * One saved reply in the manager. Delete asks first, in the row itself, because the reply is gone
 * for the whole team, not only for whoever clicks; the manager then offers Undo.
 */
export function QuickReplyRow({
  reply,
  confirming,
  onAsk,
  onCancel,
  deleteAction,
  deleting,
}: {
  reply: QuickReplyOption;
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  deleteAction: (formData: FormData) => void;
  deleting: boolean;
}) {
  const questionId = useId();
  if (!confirming) {
    return (
      <li className="flex items-start gap-3 px-3 py-2">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium break-words text-slate-900">{reply.title}</p>
          <p className="line-clamp-2 text-xs break-words text-slate-600">{reply.body}</p>
        </div>
        <Button type="button" variant="danger" size="sm" className="shrink-0" onClick={onAsk}>
          Delete
          <span className="sr-only"> “{reply.title}”</span>
        </Button>
      </li>
    );
  }
  return (
    <li className="space-y-2 bg-red-50 px-3 py-3" role="group" aria-labelledby={questionId} data-testid="quick-reply-confirm">
      <p id={questionId} className="text-sm break-words text-red-900">
        Delete <span className="font-semibold">“{reply.title}”</span> for the whole team? It is shared: nobody on your team can insert it any more. You can undo for{" "}
        {QUICK_REPLY_UNDO_MINUTES} minutes.
      </p>
      <div className="flex flex-wrap gap-2">
        <form action={deleteAction}>
          <input type="hidden" name="quickReplyId" value={reply.id} />
          {/* The question just replaced the Delete button: focus follows it, so Enter confirms and Tab reaches "Keep it". */}
          <Button type="submit" variant="danger" size="sm" disabled={deleting} autoFocus>
            {deleting ? "Deleting…" : "Delete for everyone"}
          </Button>
        </form>
        <Button type="button" variant="secondary" size="sm" onClick={onCancel} disabled={deleting}>
          Keep it
        </Button>
      </div>
    </li>
  );
}
