"use client";

import { useActionState } from "react";
import { crmTestAction, replayCrmAction, type CrmState } from "@/app/(dashboard)/settings/crm/actions";
import { Button } from "@/components/ui/button";

/** "Send a test event" and each log row's "Replay": one button, its answer next to it. */
export function CrmActionButton({ kind, deliveryId, label }: { kind: "test" | "replay"; deliveryId?: string; label: string }) {
  const [state, action, pending] = useActionState<CrmState, FormData>(kind === "test" ? crmTestAction : replayCrmAction, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      {deliveryId ? <input type="hidden" name="deliveryId" value={deliveryId} /> : null}
      <Button type="submit" variant={kind === "test" ? "secondary" : "ghost"} size="sm" disabled={pending} aria-label={label}>
        {pending ? "Sending…" : kind === "test" ? "Send a test event" : "Replay"}
      </Button>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
