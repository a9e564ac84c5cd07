"use client";

import { useActionState, useEffect, useRef } from "react";
import { setContactBlockedAction, type ContactActionState } from "@/app/(dashboard)/contacts/actions";
import { Button } from "@/components/ui/button";

/** Block or unblock, each behind a confirmation that says what it changes. */
export function BlockControl({ contactId, blocked, who }: { contactId: string; blocked: boolean; who: string }) {
  const [state, action, pending] = useActionState<ContactActionState, FormData>(setContactBlockedAction, {});
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (state.savedAt) dialog.current?.close();
  }, [state.savedAt]);

  const verb = blocked ? "Unblock" : "Block";
  return (
    <>
      <Button type="button" variant={blocked ? "secondary" : "danger"} onClick={() => dialog.current?.showModal()}>
        {blocked ? "Unblock" : "Block number"}
      </Button>
      <dialog ref={dialog} aria-labelledby="block-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} className="space-y-3 p-5">
          <input type="hidden" name="contactId" value={contactId} />
          <input type="hidden" name="value" value={blocked ? "off" : "on"} />
          <h2 id="block-title" className="text-base font-semibold text-slate-900">
            {verb} {who}?
          </h2>
          <p className="text-sm text-slate-600">
            {blocked
              ? "Rebound will text them back again after a missed call, and the desk can reply to them."
              : "Rebound will never text this number: no text-backs, no follow-ups, and replies from the inbox are refused. Their calls are still logged."}
          </p>
          {state.message ? (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={blocked ? "primary" : "danger"} disabled={pending}>
              {pending ? `${verb}ing…` : `Yes, ${verb.toLowerCase()}`}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
