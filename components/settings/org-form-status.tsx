import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/settings/form";

/** The line under a settings form: "Saved", or one sentence about what went wrong. */
export function FormStatus({ state, saved = "Saved." }: { state: FormState; saved?: string }) {
  if (state.message) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.message}
      </p>
    );
  }
  return (
    <p role="status" className="text-sm text-emerald-700">
      {state.savedAt ? saved : ""}
    </p>
  );
}

export function SaveButton({ pending, label = "Save", pendingLabel = "Saving…" }: { pending: boolean; label?: string; pendingLabel?: string }) {
  return (
    <Button type="submit" disabled={pending}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
