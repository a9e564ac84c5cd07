"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "./integration-copy-button";

/** A secret shown once, right after it was generated: masked until revealed, copyable either way. */
export function SecretReveal({ secret, what }: { secret: string; what: string }) {
  const [shown, setShown] = useState(false);
  const masked = `${secret.startsWith("whsec_") ? "whsec_" : ""}${"•".repeat(16)}${secret.slice(-4)}`;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <code aria-label={what} className="min-w-0 flex-1 rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs break-all text-slate-800">
        {shown ? secret : masked}
      </code>
      <Button type="button" variant="ghost" size="sm" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
        {shown ? "Hide" : "Reveal"}
      </Button>
      <CopyButton value={secret} what={what} />
    </div>
  );
}
