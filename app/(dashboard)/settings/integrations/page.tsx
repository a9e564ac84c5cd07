import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { IntegrationProviders } from "@/components/settings/integration-providers";
import { TextingReadinessCard } from "@/components/texting/readiness-card";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { findTestTarget } from "@/db/queries/integrations";
import { requireMemberPage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isLocalUrl } from "@/lib/integrations/webhook-urls";
import { TEST_CALLER_NAME } from "@/lib/integrations/test-caller";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const member = await requireMemberPage(["owner"]);
  const appUrl = env().appUrl;
  const target = await findTestTarget({ orgId: member.orgId });
  return (
    <div>
      <PageHeader title="Integrations" description="Paste Rebound's webhook URL into your phone system, turn the integration on to get its secret, then send a test event." />
      <div className="space-y-4 p-4 sm:p-6">
        {isLocalUrl(appUrl) ? (
          <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            These URLs start with <code className="font-mono">{appUrl}</code>, which phone systems cannot reach. Set <code className="font-mono">APP_URL</code> to Rebound&apos;s
            public https address on the server.
          </p>
        ) : null}
        <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
          {target ? (
            <>
              A test event is a missed call from <span className="font-medium">{TEST_CALLER_NAME}</span> (a fictional 555 number) to your first number on that phone system, signed
              with this spa&apos;s secret the way the phone system signs it. Rebound handles it like a real caller: the text-back goes out and the conversation shows up in the
              inbox. Each number accepts events only from the phone system it is registered with.
            </>
          ) : (
            <>
              Test events dial one of your numbers, and this spa has none yet.{" "}
              <Link href="/settings/locations" className="font-medium text-brand-700 underline">
                Add your number to a location
              </Link>{" "}
              first.
            </>
          )}
        </p>
        <Suspense fallback={<ListSkeleton rows={8} />}>
          <IntegrationProviders orgId={member.orgId} />
        </Suspense>
        <TextingReadinessCard orgId={member.orgId} owner samples />
      </div>
    </div>
  );
}
