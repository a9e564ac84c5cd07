import { Badge } from "@/components/ui/badge";
import type { PhoneNumber } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { PROOF_LABELS, proofSentence } from "@/lib/telephony/numbers/describe-proof";
import { CheckNumberButton } from "./number-check-button";

/** Whether the number's phone system proved it, why, when it was last asked, and "Check again". */
export function NumberProof({ number, locationId, timezone }: { number: PhoneNumber; locationId: string; timezone: string }) {
  const { label, tone } = PROOF_LABELS[number.proofStatus];
  return (
    <div className="flex w-full flex-wrap items-start gap-x-3 gap-y-1" data-testid="number-proof">
      <Badge tone={tone}>{label}</Badge>
      <div className="min-w-0 flex-1 text-xs text-slate-600">
        <p className="text-slate-800">{proofSentence(number)}</p>
        <p>{number.proofCheckedAt ? `Last checked ${formatDateTime(number.proofCheckedAt, timezone)}.` : "Never checked."}</p>
      </div>
      <CheckNumberButton locationId={locationId} id={number.id} />
    </div>
  );
}
