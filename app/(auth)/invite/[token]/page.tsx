import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/onboarding/accept-invite-form";
import { AuthCard } from "@/components/onboarding/auth-card";
import { readInvitation } from "@/lib/team/invitations";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };

/** Public: the link's token is the only credential, and it is checked here and again on submit. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await readInvitation(token);
  if (invitation.state !== "usable") {
    return (
      <AuthCard title="This invitation cannot be used">
        <p role="alert" className="text-sm text-slate-700">
          {invitation.message}
        </p>
        <Link href="/login" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  const role = invitation.role === "owner" ? "an owner" : "a coordinator";
  return (
    <AuthCard
      title={`Join ${invitation.orgName}`}
      intro={
        <>
          You are invited to <span className="font-medium text-slate-900">{invitation.orgName}</span> on Rebound as {role}
          {invitation.role === "coordinator" ? ": you will answer texts from callers and work the callback queue." : ": you will see settings and revenue."}
        </>
      }
    >
      <AcceptInviteForm token={token} email={invitation.email} />
    </AuthCard>
  );
}
