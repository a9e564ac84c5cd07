import type { SecretSource } from "@/lib/integrations/secrets";

/** Where a provider's secret comes from, without showing it. */
export function IntegrationSecretStatus({ source, envName }: { source: SecretSource; envName: string }) {
  if (source.kind === "organization") {
    return (
      <p className="text-sm text-slate-700">
        This spa&apos;s own secret is set: <code className="rounded bg-slate-100 px-1 font-mono text-xs">{source.masked}</code>
      </p>
    );
  }
  if (source.kind === "environment") {
    return (
      <p className="text-sm text-slate-700">
        Using the server&apos;s <code className="rounded bg-slate-100 px-1 font-mono text-xs">{envName}</code>. Save one here to use this spa&apos;s own.
      </p>
    );
  }
  return (
    <p className="text-sm text-amber-800">
      No secret yet: webhooks are refused (HTTP 503) until one is set here or in <code className="font-mono text-xs">{envName}</code> on the server.
    </p>
  );
}
