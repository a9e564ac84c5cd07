import { getApiCredentials } from "@/db/queries/api-credentials";
import { findOrgTimezone } from "@/db/queries/integrations";
import { getOrgSecrets } from "@/db/queries/organizations";
import { env } from "@/lib/env";
import { NO_SECRET, secretStatus, type SecretProvider, type SecretStatus } from "@/lib/integrations/secrets";
import { webhookUrls } from "@/lib/integrations/webhook-urls";
import { IntegrationApiCredentials } from "./integration-api-credentials";
import { IntegrationProviderCard } from "./integration-provider-card";
import { IntegrationSecretForm } from "./integration-secret-form";
import { IntegrationSecretStatus } from "./integration-secret-status";
import { IntegrationTestButton } from "./integration-test-button";

type JsonProvider = { provider: SecretProvider; title: string; summary: string; label: string; hint: string };

const JSON_PROVIDERS: JsonProvider[] = [
  {
    provider: "openphone",
    title: "Quo / OpenPhone",
    summary: "Missed calls and voicemails from Quo (current and legacy webhooks, on the same URL).",
    label: "Signing secret",
    hint: "Quo shows it when you create the webhook (whsec_…). Paste it here.",
  },
  {
    provider: "aircall",
    title: "Aircall",
    summary: "Aircall does not sign requests: every event carries the webhook's token, which Rebound compares.",
    label: "Webhook token",
    hint: "Aircall shows it on the webhook's page after you save it. Paste it here.",
  },
  {
    provider: "generic",
    title: "Any other phone system",
    summary: "One JSON event per call outcome, signed with HMAC-SHA256 (X-Rebound-Signature).",
    label: "Signing secret",
    hint: "Turn it on to generate one and configure your phone system to sign with it, or paste your own (16+ characters).",
  },
];

const statusOf = (status: SecretStatus) => (status.kind === "off" ? ({ tone: "amber", label: "Off" } as const) : ({ tone: "emerald", label: "On" } as const));

export async function IntegrationProviders({ orgId }: { orgId: string }) {
  const [secrets, timezone, credentials] = await Promise.all([getOrgSecrets({ orgId }), findOrgTimezone({ orgId }), getApiCredentials({ orgId })]);
  const e = env();
  const urls = webhookUrls(e.appUrl);
  const now = new Date();
  const twilioStatus = !e.twilioSigningToken
    ? ({ tone: "amber", label: "Not configured" } as const)
    : e.twilio
      ? ({ tone: "emerald", label: "Ready" } as const)
      : ({ tone: "slate", label: "Texts simulated" } as const);

  return (
    <div id="test-events" className="space-y-6">
      <IntegrationProviderCard
        id="twilio"
        title="Twilio"
        summary="Twilio signs every webhook with your account's auth token over the exact URL it calls."
        urls={urls.twilio}
        status={twilioStatus}
      >
        <p className="border-t border-slate-100 pt-4 text-sm text-slate-700">
          {e.twilioSigningToken
            ? e.twilio
              ? "Signatures are checked with TWILIO_AUTH_TOKEN, and text-backs are sent through Twilio."
              : "Signatures are checked, but TWILIO_ACCOUNT_SID is not set: text-backs are recorded as simulated, not sent."
            : "Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN on the server: until then Twilio webhooks are refused (HTTP 503)."}
        </p>
        <IntegrationTestButton provider="twilio" label="Twilio" />
      </IntegrationProviderCard>
      {JSON_PROVIDERS.map((p) => {
        const status = secretStatus(secrets?.[p.provider] ?? NO_SECRET, now);
        return (
          <IntegrationProviderCard key={p.provider} id={p.provider} title={p.title} summary={p.summary} urls={urls[p.provider]} status={statusOf(status)}>
            <div className="space-y-3 border-t border-slate-100 pt-4">
              <IntegrationSecretStatus status={status} timezone={timezone ?? "UTC"} />
              <IntegrationSecretForm provider={p.provider} label={p.label} hint={p.hint} on={status.kind === "on"} />
            </div>
            {p.provider === "generic" ? null : <IntegrationApiCredentials provider={p.provider} credentials={credentials} />}
            <div className="border-t border-slate-100 pt-4">
              <IntegrationTestButton provider={p.provider} label={p.title} />
            </div>
          </IntegrationProviderCard>
        );
      })}
    </div>
  );
}
