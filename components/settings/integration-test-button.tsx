"use client";

import Link from "next/link";
import { useActionState } from "react";
import { testEventAction, type TestEventState } from "@/app/(dashboard)/settings/integrations/actions";
import { Button } from "@/components/ui/button";

export function IntegrationTestButton({ provider, label }: { provider: "twilio" | "openphone" | "aircall" | "generic"; label: string }) {
  const [state, action, pending] = useActionState<TestEventState, FormData>(testEventAction, {});
  const result = state.result;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="provider" value={provider} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Send a test event (${label})`}>
        {pending ? "Sending…" : "Send a test event"}
      </Button>
      <div role="status" aria-live="polite">
        {result ? (
          <div className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
            <p>
              {result.status !== null ? <span className="mr-1 font-mono font-semibold">HTTP {result.status}</span> : null}
              {result.message}
            </p>
            {result.conversationId ? (
              <Link href={`/inbox/${result.conversationId}`} className="mt-1 inline-block font-medium underline">
                Open the conversation
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
