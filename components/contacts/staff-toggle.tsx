"use client";

import { useActionState } from "react";
import { setContactStaffAction, type ContactActionState } from "@/app/(dashboard)/contacts/actions";

/** "This is one of our staff — never text": a switch that saves at once. */
export function StaffToggle({ contactId, isStaff }: { contactId: string; isStaff: boolean }) {
  const [state, action, pending] = useActionState<ContactActionState, FormData>(setContactStaffAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="contactId" value={contactId} />
      <input type="hidden" name="value" value={isStaff ? "off" : "on"} />
      <button
        type="submit"
        role="switch"
        aria-checked={isStaff}
        aria-labelledby="staff-label"
        disabled={pending}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${isStaff ? "bg-brand-600" : "bg-slate-300"}`}
      >
        <span aria-hidden className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${isStaff ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
      <span id="staff-label" className="text-sm text-slate-800">
        This is one of our staff — never text
      </span>
      {state.message ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
