// Shown to every member on every dashboard page while a number's automatic texts are paused because
// a carrier refused them as unregistered: nothing stops silently. The card on /texting says why.
import Link from "next/link";
import { listPausedNumbers } from "@/db/queries/a2p";

export async function PausedNumbersBanner({ orgId }: { orgId: string }) {
  const paused = await listPausedNumbers({ orgId });
  if (!paused.length) return null;
  const which = paused.map((p) => p.e164).join(", ");
  return (
    <div role="status" data-testid="paused-numbers-banner" className="border-b border-red-200 bg-red-50 print:hidden">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm text-red-900">
        Blocked: not registered. Automatic texts from {which} are paused until {paused.length === 1 ? "its" : "their"} A2P 10DLC registration is verified; missed callers get a
        callback task instead.{" "}
        <Link href="/texting" className="font-medium underline">
          See texting readiness
        </Link>
      </p>
    </div>
  );
}
