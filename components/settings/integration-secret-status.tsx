import { formatDateTime } from "@/lib/format";
import type { SecretStatus } from "@/lib/integrations/secrets";

/** Whether a provider's webhooks are on, with a masked ending of the secret (never the secret). */
export function IntegrationSecretStatus({ status, timezone }: { status: SecretStatus; timezone: string }) {
  if (status.kind === "off") {
    return (
      <p className="text-sm text-amber-800">Off: webhooks from this phone system are refused. Generate a secret (or paste the one your phone system gave you) to turn it on.</p>
    );
  }
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        On. Webhooks are checked with this spa&apos;s secret <code className="rounded bg-slate-100 px-1 font-mono text-xs">{status.masked}</code>
      </p>
      {status.previous ? (
        <p>
          The secret it replaced (<code className="rounded bg-slate-100 px-1 font-mono text-xs">{status.previous.masked}</code>) is still accepted until{" "}
          {formatDateTime(status.previous.until, timezone)}: update your phone system before then.
        </p>
      ) : null}
    </div>
  );
}
