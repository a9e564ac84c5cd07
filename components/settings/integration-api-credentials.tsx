import type { ApiCredentials } from "@/db/queries/api-credentials";
import { credentialStatus } from "@/lib/integrations/api-credentials";
import { ApiCredentialsForm } from "./integration-api-credentials-form";

const WHAT = {
  openphone: {
    title: "Sending texts: Quo API key",
    help: "Texts from your Quo numbers go out through Quo with this key, from the number that was called. In Quo: workspace settings → API → Generate API key. Quo sends texts by API only after US carrier registration, with prepaid credits.",
    inputs: [{ name: "apiKey", label: "API key" }],
  },
  aircall: {
    title: "Sending texts: Aircall API ID and token",
    help: "Texts from your Aircall numbers go out through Aircall (native messages, shown in the Aircall app) with these. In Aircall's dashboard: Integrations & API → API Keys → Generate an API key. Sending by API needs Aircall's Professional plan.",
    inputs: [
      { name: "apiId", label: "API ID" },
      { name: "apiToken", label: "API token" },
    ],
  },
} as const;

/** A phone system's API credentials: saved or not (the last 4 characters only), and the form. */
export function IntegrationApiCredentials({ provider, credentials }: { provider: "openphone" | "aircall"; credentials: ApiCredentials | null }) {
  const what = WHAT[provider];
  const status = credentialStatus(provider === "openphone" ? (credentials?.openphoneApiKey ?? null) : (credentials?.aircallApiToken ?? null));
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4" data-testid={`${provider}-api-credentials`}>
      <h3 className="text-sm font-semibold text-slate-900">{what.title}</h3>
      <p className="text-sm text-slate-600">{what.help}</p>
      <p className="text-sm text-slate-700">
        {status.saved ? (
          <>
            Saved: <code className="rounded bg-slate-100 px-1 font-mono text-xs">{status.masked}</code>. Your numbers on this phone system are checked with it, and texts from them
            are sent.
          </>
        ) : (
          "Not set: texts from your numbers on this phone system are simulated (recorded, not sent)."
        )}
      </p>
      <ApiCredentialsForm provider={provider} inputs={[...what.inputs]} saved={status.saved} />
    </div>
  );
}
