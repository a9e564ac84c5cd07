"use client";

import { useActionState, useState } from "react";
import { createApiTokenAction, type CreateTokenState } from "@/app/(dashboard)/settings/api/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { CopyField } from "./integration-copy-button";

/** Names a new token, then shows it in full exactly once, with a copy button and a curl example. */
export function ApiTokenForm({ appUrl }: { appUrl: string }) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createApiTokenAction, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.created && state.created.id !== dismissed ? state.created : null;
  const example = created ? `curl -H "Authorization: Bearer ${created.token}" "${appUrl.replace(/\/+$/, "")}/api/v1/calls?limit=10"` : "";
  return (
    <div className="space-y-4">
      <form action={action} noValidate className="grid gap-3 sm:grid-cols-[minmax(0,24rem)_auto] sm:items-end">
        <Field name="name" label="Token name" hint="The tool that will use it, so you know which one to revoke later." errors={state.errors?.name}>
          <input
            id="name"
            name="name"
            type="text"
            autoComplete="off"
            maxLength={80}
            defaultValue={state.values?.name}
            key={state.created ? state.created.id : "token-name"}
            aria-invalid={Boolean(state.errors?.name)}
            aria-describedby={describedBy("name", state.errors?.name, true)}
            className={inputClass}
          />
        </Field>
        <Button type="submit" disabled={pending} className={`sm:justify-self-start ${state.errors ? "sm:mb-6" : ""}`}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      {created ? (
        <div role="status" className="space-y-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
          <p className="text-slate-800">
            Token <span className="font-medium">{created.name}</span> is ready. Copy it now: Rebound keeps only a fingerprint of it, so it is shown this once and never again.
          </p>
          <CopyField value={created.token} what="API token" />
          <div className="space-y-1">
            <p className="text-xs font-medium text-slate-600">Try it:</p>
            <CopyField value={example} what="curl example" />
          </div>
          <Button type="button" variant="secondary" size="sm" onClick={() => setDismissed(created.id)}>
            I have copied it
          </Button>
        </div>
      ) : null}
    </div>
  );
}
