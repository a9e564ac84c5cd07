import { describeCrmCircuit } from "@/lib/crm/describe";
import type { CrmCircuit } from "@/db/queries/crm";

/** The endpoint's circuit breaker, when it has something to say. */
export function CrmCircuitNotice({ circuit, timezone, now }: { circuit: CrmCircuit | null; timezone: string; now: Date }) {
  const notice = describeCrmCircuit(circuit, now, timezone);
  if (!notice) return null;
  return (
    <p
      role="status"
      className={`rounded-md border px-3 py-2 text-sm ${notice.paused ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-700"}`}
    >
      {notice.text}
    </p>
  );
}
