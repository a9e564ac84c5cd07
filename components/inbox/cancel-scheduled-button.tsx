"use client";

import { useActionState } from "react";
import { cancelScheduledAction, type ConversationActionState } from "@/app/(dashboard)/inbox/conversation-actions";

/** "Cancel" on a scheduled text: no confirmation (nothing is lost but a text not yet sent); the timeline then says who cancelled it. */
export function CancelScheduledButton({ messageId }: { messageId: string }) {
  const [state, action, pending] = useActionState<ConversationActionState, FormData>(cancelScheduledAction, {});
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="messageId" value={messageId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-white/15 px-1.5 py-0.5 font-semibold text-white ring-1 ring-white/50 ring-inset hover:bg-white/25 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-60"
      >
        {pending ? "Cancelling…" : "Cancel"}
      </button>
      {state.message ? (
        <span role="alert" className="rounded bg-red-100 px-1 font-medium text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
