import { getDb } from "@/db/client";
import { getIntegrationSettings } from "@/db/queries/integrations";
import { env } from "@/lib/env";
import { secretSource, type SecretProvider, type SecretSource } from "@/lib/integrations/secrets";
import { webhookUrls } from "@/lib/integrations/webhook-urls";
import { IntegrationProviderCard } from "./integration-provider-card";
import { IntegrationSecretForm } from "./integration-secret-form";
import { IntegrationSecretStatus } from "./integration-secret-status";
import { IntegrationTestButton } from "./integration-test-button";

type JsonProvider = { provider: SecretProvider; title: string; summary: string; envName: string; label: string; hint: string };

const JSON_PROVIDERS: JsonProvider[] = [
  {
    provider: "openphone",
    title: "Quo / OpenPhone",
    summary: "Missed calls and voicemails from Quo (current and legacy webhooks, on the same URL).",
    envName: "OPENPHONE_WEBHOOK_SECRET",
    label: "Signing secret",
    hint: "Quo shows it when you create the webhook (whsec_…). Paste it here.",
  },
  {
    provider: "aircall",
    title: "Aircall",
    summary: "Aircall does not sign requests: every event carries the webhook's token, which Rebound compares.",
    envName: "AIRCALL_WEBHOOK_TOKEN",
    label: "Webhook token",
    hint: "Aircall shows it on the webhook's page after you save it. Paste it here.",
  },
  {
    provider: "generic",
    title: "Any other phone system",
    summary: "One JSON event per call outcome, signed with HMAC-SHA256 (X-Rebound-Signature).",
    envName: "GENERIC_WEBHOOK_SECRET",
    label: "Signing secret",
    hint: "Generate one here and configure your phone system to sign with it, or paste your own (16+ characters).",
  },
];

const statusOf = (source: SecretSource) =>
  source.kind === "none" ? ({ tone: "amber", label: "Not configured" } as const) : ({ tone: "emerald", label: "Ready" } as const);

export async function IntegrationProviders({ orgId }: { orgId: string }) {
  const settings = await getIntegrationSettings(await getDb(), { orgId });
  const e = env();
  const urls = webhookUrls(e.appUrl);
  const envSecret: Record<SecretProvider, string | undefined> = {
    openphone: e.openphoneWebhookSecret,
    aircall: e.aircallWebhookToken,
    generic: e.genericWebhookSecret,
  };
  const orgSecret: Record<SecretProvider, string | null> = {
    openphone: settings?.openphoneWebhookSecret ?? null,
    aircall: settings?.aircallWebhookToken ?? null,
    generic: settings?.genericWebhookSecret ?? null,
  };
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
        const source = secretSource(orgSecret[p.provider], envSecret[p.provider]);
        return (
          <IntegrationProviderCard key={p.provider} id={p.provider} title={p.title} summary={p.summary} urls={urls[p.provider]} status={statusOf(source)}>
            <div className="space-y-3 border-t border-slate-100 pt-4">
              <IntegrationSecretStatus source={source} envName={p.envName} />
              <IntegrationSecretForm provider={p.provider} label={p.label} hint={p.hint} hasOwn={source.kind === "organization"} />
            </div>
            <div className="border-t border-slate-100 pt-4">
              <IntegrationTestButton provider={p.provider} label={p.title} />
            </div>
          </IntegrationProviderCard>
        );
      })}
    </div>
  );
}
