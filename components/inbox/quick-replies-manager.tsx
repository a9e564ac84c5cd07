"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import {
  addQuickReplyAction,
  deleteQuickReplyAction,
  restoreQuickReplyAction,
  type QuickReplyChangeState,
  type QuickReplyState,
} from "@/app/(dashboard)/inbox/quick-reply-actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { QuickReplyOption } from "./quick-replies-menu";
import { QuickReplyRow } from "./quick-reply-row";

export const QUICK_REPLIES_MANAGER_ID = "quick-replies-manager";

/** After a delete: Undo while it has not been restored since; after an undo: what came back. */
function DeleteOutcome({
  deleted,
  restored,
  restoreAction,
  restoring,
}: {
  deleted: QuickReplyChangeState;
  restored: QuickReplyChangeState;
  restoreAction: (formData: FormData) => void;
  restoring: boolean;
}) {
  const undo = useRef<HTMLButtonElement>(null);
  const last = deleted.done;
  const undone = last && restored.done?.id === last.id && restored.done.at > last.at;
  // The deleted row took the focus with it: hand it to Undo, the next thing someone may want.
  useEffect(() => {
    if (last) undo.current?.focus();
  }, [last]);
  const error = restored.message ?? deleted.message;
  return (
    <div className="mt-3 space-y-2">
      <div role="status" aria-live="polite">
        {last && !undone ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-800 px-3 py-2 text-sm text-white" data-testid="quick-reply-undo">
            <span className="min-w-0 break-words">Deleted “{last.title}” for the whole team.</span>
            <form action={restoreAction}>
              <input type="hidden" name="quickReplyId" value={last.id} />
              <button
                ref={undo}
                type="submit"
                disabled={restoring}
                className="rounded px-2 py-0.5 font-semibold text-white underline hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-white"
              >
                {restoring ? "Restoring…" : "Undo"}
              </button>
            </form>
          </div>
        ) : null}
        {undone && restored.done ? <p className="text-sm text-emerald-800">Restored “{restored.done.title}” for the whole team.</p> : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The small manager: the saved replies with Delete (confirmed, undoable), and a form to add one. A native modal dialog (Esc closes). */
export function QuickRepliesManager({ quickReplies }: { quickReplies: QuickReplyOption[] }) {
  const [state, action, pending] = useActionState<QuickReplyState, FormData>(addQuickReplyAction, {});
  const [deleted, deleteAction, deleting] = useActionState<QuickReplyChangeState, FormData>(deleteQuickReplyAction, {});
  const [restored, restoreAction, restoring] = useActionState<QuickReplyChangeState, FormData>(restoreQuickReplyAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt) form.current?.reset();
  }, [state.savedAt]);
  // A question is tied to the last delete it saw: the next delete ends it, so a deleted reply that
  // comes back with Undo comes back as a plain row, not still asking.
  const deletedAt = deleted.done?.at;
  const [asking, setAsking] = useState<{ id: string; since: number | undefined } | null>(null);
  const confirming = asking && asking.since === deletedAt ? asking.id : null;
  const setConfirming = (id: string | null) => setAsking(id === null ? null : { id, since: deletedAt });
  return (
    <dialog
      id={QUICK_REPLIES_MANAGER_ID}
      aria-labelledby={`${QUICK_REPLIES_MANAGER_ID}-title`}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      onClose={() => setConfirming(null)}
    >
      <div className="max-h-[85vh] overflow-y-auto p-5">
        <div className="flex items-start justify-between gap-3">
          <h2 id={`${QUICK_REPLIES_MANAGER_ID}-title`} className="text-base font-semibold text-slate-900">
            Quick replies
          </h2>
          <form method="dialog">
            <Button type="submit" variant="ghost" size="sm">
              Close
            </Button>
          </form>
        </div>
        <p className="mt-1 text-sm text-slate-600">Saved texts the whole team can insert with one click.</p>
        <DeleteOutcome deleted={deleted} restored={restored} restoreAction={restoreAction} restoring={restoring} />
        {quickReplies.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">None yet. Add the answers you type most often.</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {quickReplies.map((q) => (
              <QuickReplyRow
                key={q.id}
                reply={q}
                confirming={confirming === q.id}
                onAsk={() => setConfirming(q.id)}
                onCancel={() => setConfirming(null)}
                deleteAction={deleteAction}
                deleting={deleting}
              />
            ))}
          </ul>
        )}
        <form ref={form} action={action} className="mt-5 space-y-3 border-t border-slate-100 pt-4" noValidate>
          <h3 className="text-sm font-semibold text-slate-900">Add a quick reply</h3>
          <Field name="qr-title" label="Title" errors={state.errors?.title}>
            <input
              id="qr-title"
              name="title"
              maxLength={60}
              className={inputClass}
              aria-invalid={Boolean(state.errors?.title)}
              aria-describedby={describedBy("qr-title", state.errors?.title)}
            />
          </Field>
          <Field name="qr-body" label="Text" errors={state.errors?.body}>
            <textarea
              id="qr-body"
              name="body"
              rows={3}
              maxLength={1600}
              className={inputClass}
              aria-invalid={Boolean(state.errors?.body)}
              aria-describedby={describedBy("qr-body", state.errors?.body)}
            />
          </Field>
          {state.message ? (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save quick reply"}
            </Button>
          </div>
        </form>
      </div>
    </dialog>
  );
}
