"use client";

import { useActionState } from "react";
import { checkNumberAction } from "@/app/(dashboard)/settings/locations/actions";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/settings/form";

/** Asks the number's phone system again, now; the list above shows the answer once it is stored. */
export function CheckNumberButton({ locationId, id }: { locationId: string; id: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(checkNumberAction, {});
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="locationId" value={locationId} />
      <input type="hidden" name="id" value={id} />
      {state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Checking…" : "Check again"}
      </Button>
    </form>
  );
}
