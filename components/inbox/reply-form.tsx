"use client";

import { useActionState, useEffect, useRef } from "react";
import { sendReplyAction, type ReplyState } from "@/app/(dashboard)/inbox/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { QuickRepliesMenu, type QuickReplyOption } from "./quick-replies-menu";

export function ReplyForm({ conversationId, disabledReason, quickReplies = [] }: { conversationId: string; disabledReason: string | null; quickReplies?: QuickReplyOption[] }) {
  const [state, action, pending] = useActionState<ReplyState, FormData>(sendReplyAction, {});
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.sentAt) form.current?.reset();
  }, [state.sentAt]);

  /** A quick reply goes where the cursor is (replacing a selection), and the box keeps the focus. */
  const insert = (text: string) => {
    const box = body.current;
    if (!box) return;
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    box.setRangeText(text, start, end, "end");
    box.focus();
  };

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
        ref={body}
        id="reply-body"
        name="body"
        rows={3}
        maxLength={1600}
        placeholder="Write a reply… (the caller gets it as a text)"
        aria-keyshortcuts="r"
        aria-invalid={Boolean(state.errors?.body)}
        aria-describedby={state.errors?.body ? "reply-error" : undefined}
        className="block w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none aria-[invalid=true]:border-red-400"
      />
      <FieldError id="reply-error" messages={state.errors?.body} />
      {state.message ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <QuickRepliesMenu quickReplies={quickReplies} onPick={insert} />
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send text"}
        </Button>
      </div>
    </form>
  );
}
