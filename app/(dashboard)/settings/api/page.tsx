import type { Metadata } from "next";
import { Suspense } from "react";
import { ApiTokenForm } from "@/components/settings/api-token-form";
import { ApiTokenList } from "@/components/settings/api-token-list";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { findOrgTimezone } from "@/db/queries/integrations";
import { requireMemberPage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { DEFAULT_TIMEZONE } from "@/lib/onboarding/first-location";

export const metadata: Metadata = { title: "API" };

export default async function ApiSettingsPage() {
  const member = await requireMemberPage(["owner"]);
  const timezone = (await findOrgTimezone({ orgId: member.orgId })) ?? DEFAULT_TIMEZONE;
  const card = "overflow-hidden rounded-lg border border-slate-200 bg-white";
  const heading = "border-b border-slate-200 px-4 py-3 text-base font-semibold";
  return (
    <div>
      <PageHeader
        title="API"
        description="Tokens let your other tools (reporting, BI, your CRM) read calls, conversations, callbacks, bookings and ROI figures. They can read, never change anything."
      />
      <div className="space-y-6 p-4 sm:p-6">
        <section aria-labelledby="create-token-heading" className={card}>
          <h2 id="create-token-heading" className={heading}>
            Create a token
          </h2>
          <div className="space-y-3 p-4">
            <p className="text-sm text-slate-600">
              Send it as <code className="font-mono text-xs">Authorization: Bearer rb_…</code> to the endpoints under <code className="font-mono text-xs">/api/v1/</code>, described
              in docs/api.md. A token sees this spa&apos;s data only, including booking values: give one to each tool, and revoke it when the tool goes.
            </p>
            <ApiTokenForm appUrl={env().appUrl} />
          </div>
        </section>
        <section aria-labelledby="tokens-heading" className={card}>
          <h2 id="tokens-heading" className={heading}>
            Tokens
          </h2>
          <Suspense fallback={<ListSkeleton rows={3} />}>
            <ApiTokenList orgId={member.orgId} timezone={timezone} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
