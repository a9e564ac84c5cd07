"use client";

import { useActionState, useSyncExternalStore } from "react";
import { signupAction, type SignupState } from "@/app/(auth)/signup/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";

export function SignupForm() {
  const [state, action, pending] = useActionState<SignupState, FormData>(signupAction, {});
  // The first location starts in the owner's own time zone (the browser's; none on the server); they can change it later.
  const timezone = useSyncExternalStore(noSubscription, browserTimezone, () => "");
  const e = state.errors;
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="timezone" value={timezone} />
      <Field name="spaName" label="Spa name" errors={e?.spaName}>
        <input
          id="spaName"
          name="spaName"
          autoComplete="organization"
          defaultValue={state.values?.spaName}
          aria-invalid={Boolean(e?.spaName)}
          aria-describedby={describedBy("spaName", e?.spaName)}
          className={inputClass}
        />
      </Field>
      <Field name="name" label="Your name" errors={e?.name}>
        <input
          id="name"
          name="name"
          autoComplete="name"
          defaultValue={state.values?.name}
          aria-invalid={Boolean(e?.name)}
          aria-describedby={describedBy("name", e?.name)}
          className={inputClass}
        />
      </Field>
      <Field name="email" label="Email" errors={e?.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values?.email}
          aria-invalid={Boolean(e?.email)}
          aria-describedby={describedBy("email", e?.email)}
          className={inputClass}
        />
      </Field>
      <Field name="password" label="Password" hint="At least 10 characters." errors={e?.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(e?.password)}
          aria-describedby={describedBy("password", e?.password, true)}
          className={inputClass}
        />
      </Field>
      {state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your spa…" : "Create my spa"}
      </Button>
    </form>
  );
}

/** The browser's time zone never changes while the page is open: nothing to subscribe to. */
function noSubscription(): () => void {
  return () => {};
}

function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
