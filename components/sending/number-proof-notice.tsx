// What the owner reads while some of their numbers cannot send texts (left the provider's account,
// or unable to text): which, why, and where to fix it. Presentational: NumberProofBanner reads them.
import Link from "next/link";
import type { NumberNeedingAttention } from "@/db/queries/number-proofs";
import { formatPhone } from "@/lib/phone";
import { proofSentence } from "@/lib/telephony/numbers/describe-proof";

const SHOWN = 3;

export function NumberProofNotice({ numbers }: { numbers: NumberNeedingAttention[] }) {
  if (!numbers.length) return null;
  const more = numbers.length - SHOWN;
  return (
    <div role="status" data-testid="number-proof-banner" className="border-b border-amber-200 bg-amber-50 print:hidden">
      <div className="mx-auto max-w-7xl space-y-1 px-4 py-2 text-sm text-amber-900">
        <p className="font-medium">
          {numbers.length === 1 ? "1 of your numbers does not send texts" : `${numbers.length} of your numbers do not send texts`}: missed calls to them open a callback task
          instead.
        </p>
        {numbers.slice(0, SHOWN).map((number) => (
          <p key={number.id}>
            {formatPhone(number.e164)} ({number.locationName}): {proofSentence(number)}{" "}
            <Link href={`/settings/locations/${number.locationId}#numbers`} className="font-medium underline">
              Check the number
            </Link>
          </p>
        ))}
        {more > 0 ? <p>…and {more} more (Settings → Locations).</p> : null}
      </div>
    </div>
  );
}
