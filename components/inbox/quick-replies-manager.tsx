"use client";

import { useActionState, useEffect, useRef } from "react";
import { addQuickReplyAction, deleteQuickReplyAction, type QuickReplyState } from "@/app/(dashboard)/inbox/quick-reply-actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { QuickReplyOption } from "./quick-replies-menu";

export const QUICK_REPLIES_MANAGER_ID = "quick-replies-manager";

function DeleteButton({ id, title }: { id: string; title: string }) {
  const [state, action, pending] = useActionState<QuickReplyState, FormData>(deleteQuickReplyAction, {});
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="quickReplyId" value={id} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-describedby={state.message ? `delete-${id}-error` : undefined}>
        {pending ? "Deleting…" : "Delete"}
        <span className="sr-only"> “{title}”</span>
      </Button>
      {state.message ? (
        <p id={`delete-${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The small manager: the saved replies with Delete, and a form to add one. A native modal dialog (Esc closes). */
export function QuickRepliesManager({ quickReplies }: { quickReplies: QuickReplyOption[] }) {
  const [state, action, pending] = useActionState<QuickReplyState, FormData>(addQuickReplyAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.savedAt) form.current?.reset();
  }, [state.savedAt]);
  return (
    <dialog
      id={QUICK_REPLIES_MANAGER_ID}
      aria-labelledby={`${QUICK_REPLIES_MANAGER_ID}-title`}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
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
        {quickReplies.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">None yet. Add the answers you type most often.</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {quickReplies.map((q) => (
              <li key={q.id} className="flex items-start gap-3 px-3 py-2">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">{q.title}</p>
                  <p className="line-clamp-2 text-xs text-slate-600">{q.body}</p>
                </div>
                <DeleteButton id={q.id} title={q.title} />
              </li>
            ))}
          </ul>
        )}
        <form ref={form} action={action} className="mt-5 space-y-3 border-t border-slate-100 pt-4" noValidate>
          <h3 className="text-sm font-semibold text-slate-900">Add a quick reply</h3>
          <Field name="qr-title" label="Title" errors={state.errors?.title}>
            <input id="qr-title" name="title" maxLength={60} className={inputClass} aria-invalid={Boolean(state.errors?.title)} aria-describedby={describedBy("qr-title", state.errors?.title)} />
          </Field>
          <Field name="qr-body" label="Text" errors={state.errors?.body}>
            <textarea id="qr-body" name="body" rows={3} maxLength={1600} className={inputClass} aria-invalid={Boolean(state.errors?.body)} aria-describedby={describedBy("qr-body", state.errors?.body)} />
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
