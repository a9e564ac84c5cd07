"use client";

import { useActionState, useEffect, useRef } from "react";
import { sendReplyAction, type ReplyState } from "@/app/(dashboard)/inbox/actions";
import { FieldError } from "@/components/ui/field-error";

export function ReplyForm({ conversationId, disabledReason }: { conversationId: string; disabledReason: string | null }) {
  const [state, action, pending] = useActionState<ReplyState, FormData>(sendReplyAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.sentAt) form.current?.reset();
  }, [state.sentAt]);

  if (disabledReason) {
    return (
      <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
        {disabledReason}
      </p>
    );
  }
  return (
    <form ref={form} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="conversationId" value={conversationId} />
      <label htmlFor="reply-body" className="sr-only">
        Reply
      </label>
      <textarea
        id="reply-body"
        name="body"
        rows={3}
        maxLength={1600}
        placeholder="Write a reply…"
        aria-invalid={Boolean(state.errors?.body)}
        aria-describedby={state.errors?.body ? "reply-error" : undefined}
        className="block w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      />
      <FieldError id="reply-error" messages={state.errors?.body} />
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex justify-end">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Sending…" : "Send text"}
        </button>
      </div>
    </form>
  );
}
