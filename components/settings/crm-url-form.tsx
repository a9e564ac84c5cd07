"use client";

import { useActionState } from "react";
import { saveCrmUrlAction, type CrmState } from "@/app/(dashboard)/settings/crm/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";

export function CrmUrlForm({ url }: { url: string }) {
  const [state, action, pending] = useActionState<CrmState, FormData>(saveCrmUrlAction, {});
  return (
    <form action={action} noValidate className="space-y-2">
      <Field name="crm-url" label="Webhook URL" hint="Your CRM's (or Zapier's, Make's…) address that accepts POSTed JSON. Leave empty to switch off." errors={state.errors?.url}>
        <input
          id="crm-url"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          defaultValue={state.url ?? url}
          aria-invalid={Boolean(state.errors?.url)}
          aria-describedby={describedBy("crm-url", state.errors?.url, true)}
          className={inputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save URL"}
        </Button>
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
