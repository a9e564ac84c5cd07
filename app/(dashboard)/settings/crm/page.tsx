import type { Metadata } from "next";
import { Suspense } from "react";
import { CrmActionButton } from "@/components/settings/crm-action-button";
import { CrmCircuitNotice } from "@/components/settings/crm-circuit-notice";
import { CrmDeliveryLog, decodeCrmCursor } from "@/components/settings/crm-delivery-log";
import { CrmSecretForm } from "@/components/settings/crm-secret-form";
import { CrmUrlForm } from "@/components/settings/crm-url-form";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { findOrgTimezone, getIntegrationSettings } from "@/db/queries/integrations";
import { requireMemberPage } from "@/lib/auth/session";
import { CRM_EVENT_TYPES } from "@/lib/crm/events";
import { maskSecret } from "@/lib/integrations/secrets";
import { DEFAULT_TIMEZONE } from "@/lib/onboarding/first-location";

export const metadata: Metadata = { title: "CRM webhook" };

export default async function CrmPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const member = await requireMemberPage(["owner"]);
  const { before } = await searchParams;
  const [settings, timezone] = await Promise.all([getIntegrationSettings({ orgId: member.orgId }), findOrgTimezone({ orgId: member.orgId })]);
  const card = "overflow-hidden rounded-lg border border-slate-200 bg-white";
  return (
    <div>
      <PageHeader title="CRM webhook" description={`Rebound POSTs each event to your CRM as signed JSON: ${CRM_EVENT_TYPES.join(", ")}.`} />
      <div className="space-y-6 p-4 sm:p-6">
        <section aria-labelledby="crm-endpoint-heading" className={card}>
          <h2 id="crm-endpoint-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
            Endpoint
          </h2>
          <div className="space-y-5 p-4">
            <CrmCircuitNotice circuit={settings?.circuit ?? null} timezone={timezone ?? DEFAULT_TIMEZONE} now={new Date()} />
            <CrmUrlForm url={settings?.crmWebhookUrl ?? ""} />
            <CrmSecretForm masked={settings?.crmWebhookSecret ? maskSecret(settings.crmWebhookSecret) : null} />
            <div className="space-y-2">
              <p className="text-sm text-slate-600">
                A test event is a <code className="font-mono text-xs">contact.tagged</code> for a made-up contact, sent through the same queue, signing and retries as real events.
              </p>
              <CrmActionButton kind="test" label="Send a test event to the CRM" />
            </div>
          </div>
        </section>
        <section aria-labelledby="crm-log-heading" className={card}>
          <h2 id="crm-log-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
            Delivery log
          </h2>
          <Suspense key={before ?? "newest"} fallback={<ListSkeleton rows={5} />}>
            <CrmDeliveryLog orgId={member.orgId} cursor={decodeCrmCursor(before)} timezone={timezone ?? DEFAULT_TIMEZONE} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
