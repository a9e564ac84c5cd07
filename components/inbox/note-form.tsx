"use client";

import { useActionState, useEffect, useRef } from "react";
import { noteAction, type ConversationActionState } from "@/app/(dashboard)/inbox/conversation-actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";

/** A note for the team, on a yellow background so it is never mistaken for a text. */
export function NoteForm({ conversationId }: { conversationId: string }) {
  const [state, action, pending] = useActionState<ConversationActionState, FormData>(noteAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.doneAt) form.current?.reset();
  }, [state.doneAt]);
  return (
    <form ref={form} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="conversationId" value={conversationId} />
      <label htmlFor="note-body" className="block text-sm font-medium text-slate-800">
        Internal note
      </label>
      <p id="note-hint" className="text-xs text-slate-600">
        Only your team sees notes. They are never texted to the caller.
      </p>
      <textarea
        id="note-body"
        name="body"
        rows={3}
        maxLength={4000}
        aria-invalid={Boolean(state.errors?.body)}
        aria-describedby={state.errors?.body ? "note-hint note-error" : "note-hint"}
        className="block w-full resize-y rounded-md border border-yellow-300 bg-yellow-50 px-3 py-2 text-sm focus:border-yellow-500 focus:ring-2 focus:ring-yellow-100 focus:outline-none aria-[invalid=true]:border-red-400"
      />
      <FieldError id="note-error" messages={state.errors?.body} />
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Add note"}
        </Button>
      </div>
    </form>
  );
}
