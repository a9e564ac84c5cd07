"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/settings/form";

/** A "Remove" button for one row, asking first; an error shows beside it. */
export function LocationRemoveButton({
  action,
  locationId,
  id,
  label,
  confirm,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  locationId: string;
  id: string;
  label: string;
  confirm: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="locationId" value={locationId} />
      <input type="hidden" name="id" value={id} />
      {state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={label}>
        {pending ? "Removing…" : "Remove"}
      </Button>
    </form>
  );
}
