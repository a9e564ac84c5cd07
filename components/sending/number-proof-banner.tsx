// Shown to owners on every dashboard page while a number cannot send texts (lib/telephony/numbers/).
import { listNumbersNeedingAttention } from "@/db/queries/number-proofs";
import { NumberProofNotice } from "./number-proof-notice";

export async function NumberProofBanner({ orgId }: { orgId: string }) {
  return <NumberProofNotice numbers={await listNumbersNeedingAttention({ orgId })} />;
}
