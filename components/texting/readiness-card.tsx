// The "Texting readiness" card: each sending number's A2P 10DLC state, read fresh from the database.
// Owners get "Check again", the Messaging Service field and the registration sample messages;
// coordinators see the states only. Shown on /texting, Settings → Integrations and Getting started.
import { Suspense } from "react";
import { ListSkeleton } from "@/components/ui/skeleton";
import { listReadiness } from "@/db/queries/a2p";
import { orgSamplePacks } from "@/lib/telephony/a2p/org-samples";
import { ReadinessNumber } from "./readiness-number";
import { CheckAgainButton, MessagingServiceForm } from "./readiness-controls";
import { SamplePacks } from "./sample-packs";

type Props = { orgId: string; owner: boolean; samples?: boolean; heading?: "h1" | "h2" };

export function TextingReadinessCard(props: Props) {
  return (
    <Suspense fallback={<ListSkeleton rows={3} />}>
      <ReadinessCard {...props} />
    </Suspense>
  );
}

async function ReadinessCard({ orgId, owner, samples = false, heading = "h2" }: Props) {
  const [{ setup, numbers }, packs] = await Promise.all([listReadiness({ orgId }), owner && samples ? orgSamplePacks(orgId) : Promise.resolve([])]);
  const Heading = heading;
  const textsTwilio = numbers.some((n) => n.provider === "twilio" || n.provider === "generic");
  return (
    <section
      id="texting-readiness"
      aria-labelledby="texting-readiness-heading"
      data-testid="texting-readiness"
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/60 p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <Heading id="texting-readiness-heading" className="text-base font-semibold text-slate-900">
            Texting readiness
          </Heading>
          <p className="text-sm text-slate-600">
            US carriers block business texts from numbers without an A2P 10DLC registration. Here is where each of your numbers stands. Rebound checks daily, and right after a
            carrier blocks a text.
          </p>
        </div>
        {owner && numbers.length ? <CheckAgainButton /> : null}
      </div>
      {owner && textsTwilio ? <MessagingServiceForm current={setup.twilioMessagingServiceSid} /> : null}
      {numbers.length ? (
        <ul className="space-y-3">
          {numbers.map((row) => (
            <ReadinessNumber key={row.id} row={row} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No numbers yet. Add the number your callers dial to a location first.</p>
      )}
      {packs.length ? <SamplePacks packs={packs} /> : null}
    </section>
  );
}
