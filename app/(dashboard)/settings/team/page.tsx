import type { Metadata } from "next";
import { Suspense } from "react";
import { TeamInvitationList } from "@/components/settings/team-invitation-list";
import { TeamInviteForm } from "@/components/settings/team-invite-form";
import { TeamMemberList } from "@/components/settings/team-member-list";
import { pageParam } from "@/components/settings/team-pager";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { findOrgTimezone } from "@/db/queries/integrations";
import { requireMemberPage } from "@/lib/auth/session";
import { DEFAULT_TIMEZONE } from "@/lib/onboarding/first-location";

export const metadata: Metadata = { title: "Team" };

type Search = { members?: string; invites?: string };

export default async function TeamPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMemberPage(["owner"]);
  const search = await searchParams;
  const params = { members: search.members, invites: search.invites };
  const timezone = (await findOrgTimezone({ orgId: member.orgId })) ?? DEFAULT_TIMEZONE;
  const card = "overflow-hidden rounded-lg border border-slate-200 bg-white";
  const heading = "border-b border-slate-200 px-4 py-3 text-base font-semibold";
  return (
    <div>
      <PageHeader title="Team" description="Owners see settings and revenue; coordinators work the inbox and the callback queue." />
      <div className="space-y-6 p-4 sm:p-6">
        <section aria-labelledby="invite-heading" className={card}>
          <h2 id="invite-heading" className={heading}>
            Invite someone
          </h2>
          <div className="space-y-3 p-4">
            <p className="text-sm text-slate-600">
              Rebound does not send emails yet: create a link here, copy it and send it to them yourself (text, email, chat). Each link works once, for 7 days.
            </p>
            <TeamInviteForm timezone={timezone} />
          </div>
        </section>
        <section aria-labelledby="members-heading" className={card}>
          <h2 id="members-heading" className={heading}>
            Members
          </h2>
          <Suspense fallback={<ListSkeleton rows={3} />}>
            <TeamMemberList orgId={member.orgId} actorId={member.id} page={pageParam(search.members)} params={params} />
          </Suspense>
        </section>
        <section aria-labelledby="invitations-heading" className={card}>
          <h2 id="invitations-heading" className={heading}>
            Pending invitations
          </h2>
          <Suspense fallback={<ListSkeleton rows={2} />}>
            <TeamInvitationList orgId={member.orgId} page={pageParam(search.invites)} timezone={timezone} params={params} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
