import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { listPendingInvitations } from "@/db/queries/team";
import { formatDateTime } from "@/lib/format";
import { TeamPager } from "./team-pager";
import { TeamRevokeButton } from "./team-revoke-button";

export const INVITATIONS_PAGE_SIZE = 25;

export async function TeamInvitationList({ orgId, page, timezone, params }: { orgId: string; page: number; timezone: string; params: Record<string, string | undefined> }) {
  const { rows, total } = await listPendingInvitations({ orgId, limit: INVITATIONS_PAGE_SIZE, offset: (page - 1) * INVITATIONS_PAGE_SIZE });
  if (!rows.length) return <EmptyState title="No pending invitations.">Links you create appear here until they are accepted or withdrawn.</EmptyState>;
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: `now` is the request's time
  const now = Date.now();
  return (
    <>
      <ul className="divide-y divide-slate-100">
        {rows.map((inv) => {
          const expired = inv.expiresAt.getTime() <= now;
          return (
            <li key={inv.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-slate-900">
                  <span className="truncate font-medium">{inv.email}</span>
                  <Badge tone={inv.role === "owner" ? "violet" : "sky"}>{inv.role}</Badge>
                  {expired ? <Badge tone="amber">Expired</Badge> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {expired ? "Expired" : "Expires"} {formatDateTime(inv.expiresAt, timezone)}
                  {inv.invitedBy ? ` · invited by ${inv.invitedBy}` : ""}
                </p>
              </div>
              <TeamRevokeButton invitationId={inv.id} email={inv.email} />
            </li>
          );
        })}
      </ul>
      <TeamPager param="invites" page={page} pageSize={INVITATIONS_PAGE_SIZE} total={total} params={params} label="Invitation pages" />
    </>
  );
}
