import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { listApiTokens } from "@/db/queries/api-tokens";
import { formatDateTime } from "@/lib/format";
import { ApiTokenRevokeButton } from "./api-token-revoke-button";

/** The organization's API tokens: active ones first, each with its prefix, dates and a revoke button. */
export async function ApiTokenList({ orgId, timezone }: { orgId: string; timezone: string }) {
  const tokens = await listApiTokens({ orgId });
  if (!tokens.length) return <EmptyState title="No API tokens yet.">Create one above for each tool that reads Rebound&apos;s data.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 text-slate-900">
              <span className="truncate font-medium">{token.name}</span>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700" aria-label="Token starts with">
                {token.prefix}…
              </code>
              {token.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="emerald">Active</Badge>}
            </p>
            <p className="text-sm text-slate-600">
              Created {formatDateTime(token.createdAt, timezone)}
              {token.createdBy ? ` by ${token.createdBy}` : ""} · {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt, timezone)}` : "never used"}
              {token.revokedAt ? ` · revoked ${formatDateTime(token.revokedAt, timezone)}` : ""}
            </p>
          </div>
          {token.revokedAt ? null : <ApiTokenRevokeButton tokenId={token.id} name={token.name} />}
        </li>
      ))}
    </ul>
  );
}
