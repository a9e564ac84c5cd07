import type { Metadata } from "next";
import { TextingReadinessCard } from "@/components/texting/readiness-card";
import { PageHeader } from "@/components/ui/page-header";
import { requireMemberPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Texting readiness" };

/** Every member may see whether their numbers can text; only owners check again and get the sample messages. */
export default async function TextingReadinessPage() {
  const member = await requireMemberPage();
  const owner = member.role === "owner";
  return (
    <div>
      <PageHeader title="Texting readiness" description="Whether US carriers accept texts from each of your numbers (A2P 10DLC registration), and what to fix when they do not." />
      <div className="p-4 sm:p-6">
        <TextingReadinessCard orgId={member.orgId} owner={owner} samples={owner} />
      </div>
    </div>
  );
}
