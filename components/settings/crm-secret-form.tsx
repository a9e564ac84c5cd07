"use client";

import { useActionState } from "react";
import { rotateCrmSecretAction, type CrmState } from "@/app/(dashboard)/settings/crm/actions";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "./integration-secret-reveal";

export function CrmSecretForm({ masked }: { masked: string | null }) {
  const [state, action, pending] = useActionState<CrmState, FormData>(rotateCrmSecretAction, {});
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-700">Signing secret</p>
      <p className="text-sm text-slate-600">
        {masked ? (
          <>
            Set: <code className="rounded bg-slate-100 px-1 font-mono text-xs">{masked}</code>. A new one replaces it at once, so update your CRM right after.
          </>
        ) : (
          "None yet. Events are signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature); your CRM checks them with this secret."
        )}
      </p>
      <form action={action}>
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {pending ? "Generating…" : masked ? "Rotate the secret" : "Generate a secret"}
        </Button>
      </form>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
      {state.revealed ? <SecretReveal secret={state.revealed} what="CRM signing secret" /> : null}
    </div>
  );
}
