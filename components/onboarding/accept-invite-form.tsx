"use client";

import { useActionState } from "react";
import { acceptInviteAction, type AcceptState } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInviteAction, {});
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <div>
        <p className="block text-sm font-medium text-slate-700">Email</p>
        <p className="mt-1 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">{email}</p>
      </div>
      <Field name="name" label="Your name" errors={state.errors?.name}>
        <input
          id="name"
          name="name"
          autoComplete="name"
          defaultValue={state.name}
          aria-invalid={Boolean(state.errors?.name)}
          aria-describedby={describedBy("name", state.errors?.name)}
          className={inputClass}
        />
      </Field>
      <Field name="password" label="Choose a password" hint="At least 10 characters." errors={state.errors?.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(state.errors?.password)}
          aria-describedby={describedBy("password", state.errors?.password, true)}
          className={inputClass}
        />
      </Field>
      {state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : "Join the team"}
      </Button>
    </form>
  );
}
