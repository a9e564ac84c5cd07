"use client";

import { useActionState } from "react";
import { updateContactKindAction, type ContactActionState } from "@/app/(dashboard)/contacts/actions";
import { describedBy, inputClass } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import type { Contact } from "@/db/schema";
import { KIND_LABELS } from "./labels";

/** The contact's kind, saved as soon as it changes (the button is there for keyboards and no-JS). */
export function KindForm({ contactId, kind }: { contactId: string; kind: Contact["kind"] }) {
  const [state, action, pending] = useActionState<ContactActionState, FormData>(updateContactKindAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" onChange={(e) => e.currentTarget.requestSubmit()}>
      <input type="hidden" name="contactId" value={contactId} />
      <div>
        <label htmlFor="kind" className="block text-xs font-medium text-slate-600">
          Kind
        </label>
        <select
          id="kind"
          name="kind"
          defaultValue={kind}
          aria-invalid={Boolean(state.errors?.kind)}
          aria-describedby={describedBy("kind", state.errors?.kind)}
          className={`${inputClass} w-auto bg-white`}
        >
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <button type="submit" className="rounded-md px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 ring-inset">
          Save
        </button>
      </noscript>
      <p role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Saving…" : state.savedAt ? "Saved" : ""}
      </p>
      <FieldError id="kind-error" messages={state.errors?.kind} />
      {state.message ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
