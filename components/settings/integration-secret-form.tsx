"use client";

import { useActionState } from "react";
import { secretAction, type SecretState } from "@/app/(dashboard)/settings/integrations/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { SecretReveal } from "./integration-secret-reveal";

export function IntegrationSecretForm({ provider, label, hint, on }: { provider: "openphone" | "aircall" | "generic"; label: string; hint: string; on: boolean }) {
  const [state, action, pending] = useActionState<SecretState, FormData>(secretAction, {});
  const name = `${provider}-secret`;
  return (
    <div className="space-y-3">
      <form action={action} noValidate className="space-y-2">
        <input type="hidden" name="provider" value={provider} />
        <Field name={name} label={label} hint={hint} errors={state.errors?.secret}>
          <input
            id={name}
            name="secret"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(state.errors?.secret)}
            aria-describedby={describedBy(name, state.errors?.secret, true)}
            className={`${inputClass} font-mono`}
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" size="sm" disabled={pending}>
            Save pasted secret
          </Button>
          <Button type="submit" name="intent" value="generate" variant="secondary" size="sm" disabled={pending}>
            {on ? "Rotate: generate a new secret" : "Turn on: generate a secret"}
          </Button>
          {on ? (
            <Button
              type="submit"
              name="intent"
              value="off"
              variant="ghost"
              size="sm"
              disabled={pending}
              onClick={(event) => {
                // Turning off refuses this phone system's missed calls at once: never on a stray click.
                if (!window.confirm("Turn this integration off? From now on its missed calls are refused and nobody is texted back.")) event.preventDefault();
              }}
            >
              Turn off
            </Button>
          ) : null}
        </div>
      </form>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
      {state.revealed ? <SecretReveal secret={state.revealed} what={`new ${provider} secret`} /> : null}
    </div>
  );
}
