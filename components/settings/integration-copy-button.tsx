"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies with the Clipboard API, falling back to a hidden textarea where it is unavailable (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission refused: try the fallback
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

export function CopyButton({ value, label = "Copy", what }: { value: string; label?: string; what: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-label={`${label} ${what}`}
        onClick={async () => {
          setState((await copyText(value)) ? "copied" : "failed");
          setTimeout(() => setState("idle"), 2500);
        }}
      >
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? `${what} copied` : state === "failed" ? `Could not copy the ${what}; select it and copy by hand.` : ""}
      </span>
      {state === "failed" ? <span className="text-xs text-red-700">Select and copy by hand.</span> : null}
    </span>
  );
}

/** A URL or secret in a monospace box that selects on focus, with its copy button. */
export function CopyField({ value, what, display }: { value: string; what: string; display?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <code
        tabIndex={0}
        aria-label={what}
        onFocus={(event) => window.getSelection()?.selectAllChildren(event.currentTarget)}
        className="min-w-0 flex-1 rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs break-all text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {display ?? value}
      </code>
      <CopyButton value={value} what={what} />
    </div>
  );
}
