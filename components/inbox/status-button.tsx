"use client";

import { useActionState } from "react";
import { statusAction, type ConversationActionState } from "@/app/(dashboard)/inbox/conversation-actions";
import { Button } from "@/components/ui/button";

/** Mark done (the e key presses this button) or reopen. */
export function StatusButton({ conversationId, status }: { conversationId: string; status: "open" | "done" }) {
  const [state, action, pending] = useActionState<ConversationActionState, FormData>(statusAction, {});
  const done = status === "done";
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="status" value={done ? "open" : "done"} />
      <span aria-live="polite">
        {done ? (
          <span data-testid="conversation-status" className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset">
            Done
          </span>
        ) : null}
      </span>
      <Button type="submit" size="sm" variant="secondary" disabled={pending} data-shortcut={done ? undefined : "done"} aria-keyshortcuts={done ? undefined : "e"}>
        {pending ? "Saving…" : done ? "Reopen" : "Mark done"}
      </Button>
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
