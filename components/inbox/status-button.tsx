"use client";

import { useActionState, useEffect, useRef } from "react";
import { statusAction, type ConversationActionState } from "@/app/(dashboard)/inbox/conversation-actions";
import { Button } from "@/components/ui/button";

/** The conversation's most urgent unfinished callback, which "Mark done" asks about. */
export type OpenCallbackSummary = { reason: string; hot: boolean; count: number };

const OUTCOMES = [
  { value: "reached", label: "Reached" },
  { value: "no_answer", label: "No answer" },
  { value: "left_voicemail", label: "Left voicemail" },
] as const;

/**
 * Mark done (the e key presses this button) or reopen. With an open callback, "Mark done" asks
 * first: complete the callback with an outcome, or keep it open in the queue (never silently).
 */
export function StatusButton({ conversationId, status, openCallback = null }: { conversationId: string; status: "open" | "done"; openCallback?: OpenCallbackSummary | null }) {
  const [state, action, pending] = useActionState<ConversationActionState, FormData>(statusAction, {});
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (state.doneAt) dialog.current?.close();
  }, [state.doneAt]);
  const done = status === "done";
  const ask = !done && openCallback !== null;
  const titleId = `done-callback-${conversationId}`;
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
      <Button
        type={ask ? "button" : "submit"}
        size="sm"
        variant="secondary"
        disabled={pending}
        data-shortcut={done ? undefined : "done"}
        aria-keyshortcuts={done ? undefined : "e"}
        aria-haspopup={ask ? "dialog" : undefined}
        onClick={ask ? () => dialog.current?.showModal() : undefined}
      >
        {pending ? "Saving…" : done ? "Reopen" : "Mark done"}
      </Button>
      {state.message && !ask ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {ask ? (
        <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
          <div className="space-y-3 p-5">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {openCallback.hot ? "A hot callback is still open" : "A callback is still open"}
            </h2>
            <p className="text-sm break-words text-slate-700">{openCallback.reason}</p>
            <p className="text-sm text-slate-600">
              {openCallback.count > 1 ? `This conversation has ${openCallback.count} open callbacks. ` : ""}
              Did you call them? Complete {openCallback.count > 1 ? "them" : "it"} with the outcome, or keep {openCallback.count > 1 ? "them" : "it"} in the callback queue.
            </p>
            <div role="group" aria-label="Complete the callback and mark done" className="flex flex-wrap items-center gap-2">
              <span className="text-xs font-medium text-slate-600">Complete as:</span>
              {OUTCOMES.map((o) => (
                <Button key={o.value} type="submit" name="callbacks" value={o.value} size="sm" variant="secondary" disabled={pending}>
                  {o.label}
                </Button>
              ))}
            </div>
            {state.message ? (
              <p role="alert" className="text-sm text-red-700">
                {state.message}
              </p>
            ) : null}
            <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 pt-3">
              <Button type="button" variant="ghost" size="sm" onClick={() => dialog.current?.close()}>
                Cancel
              </Button>
              <Button type="submit" name="callbacks" value="keep" size="sm" disabled={pending}>
                Keep callback open, mark done
              </Button>
            </div>
          </div>
        </dialog>
      ) : null}
    </form>
  );
}
