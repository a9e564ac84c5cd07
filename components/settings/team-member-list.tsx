import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { listMembers } from "@/db/queries/team";
import { TeamMemberActions } from "./team-member-actions";
import { TeamPager } from "./team-pager";

export const MEMBERS_PAGE_SIZE = 25;

export async function TeamMemberList({ orgId, actorId, page, params }: { orgId: string; actorId: string; page: number; params: Record<string, string | undefined> }) {
  const { rows, total } = await listMembers({ orgId, limit: MEMBERS_PAGE_SIZE, offset: (page - 1) * MEMBERS_PAGE_SIZE });
  if (!rows.length) return <EmptyState title="No members on this page.">Go back to the first page.</EmptyState>;
  return (
    <>
      <ul className="divide-y divide-slate-100">
        {rows.map((m) => (
          <li key={m.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="flex items-center gap-2 font-medium text-slate-900">
                <span className="truncate">{m.name}</span>
                {m.id === actorId ? <Badge tone="brand">You</Badge> : null}
              </p>
              <p className="truncate text-sm text-slate-600">{m.email}</p>
            </div>
            <TeamMemberActions memberId={m.id} name={m.name} role={m.role} isSelf={m.id === actorId} />
          </li>
        ))}
      </ul>
      <TeamPager param="members" page={page} pageSize={MEMBERS_PAGE_SIZE} total={total} params={params} label="Members pages" />
    </>
  );
}
