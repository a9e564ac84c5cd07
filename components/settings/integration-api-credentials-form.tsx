"use client";

import { useActionState } from "react";
import { saveApiCredentialsAction, type CredentialsState } from "@/app/(dashboard)/settings/integrations/credentials-actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";

type Input = { name: string; label: string; hint?: string };

/** Paste a phone system's API credentials (never shown back), or remove them. */
export function ApiCredentialsForm({ provider, inputs, saved }: { provider: "openphone" | "aircall"; inputs: Input[]; saved: boolean }) {
  const [state, action, pending] = useActionState<CredentialsState, FormData>(saveApiCredentialsAction, {});
  return (
    <div className="space-y-2">
      <form action={action} noValidate className="space-y-2">
        <input type="hidden" name="provider" value={provider} />
        <div className="grid gap-3 sm:grid-cols-2">
          {inputs.map((input) => {
            const id = `${provider}-${input.name}`;
            const errors = state.errors?.[input.name];
            return (
              <Field key={input.name} name={id} label={input.label} hint={input.hint} errors={errors}>
                <input
                  id={id}
                  name={input.name}
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={Boolean(errors)}
                  aria-describedby={describedBy(id, errors, Boolean(input.hint))}
                  className={`${inputClass} font-mono`}
                />
              </Field>
            );
          })}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" size="sm" disabled={pending}>
            {pending ? "Saving and checking numbers…" : saved ? "Replace" : "Save"}
          </Button>
          {saved ? (
            <Button
              type="submit"
              name="intent"
              value="remove"
              variant="ghost"
              size="sm"
              disabled={pending}
              onClick={(event) => {
                if (!window.confirm("Remove these API credentials? Texts from this phone system's numbers will be simulated, not sent.")) event.preventDefault();
              }}
            >
              Remove
            </Button>
          ) : null}
        </div>
      </form>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
