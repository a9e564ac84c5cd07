import type { Metadata } from "next";
import { revalidatePath } from "next/cache";
import { Suspense } from "react";
import { OrgForm } from "@/components/settings/org-form";
import { OrgFormSkeleton } from "@/components/settings/org-form-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getOrganizationSettings, updateOrganizationSettings } from "@/db/queries/settings";
import { requireMemberPage } from "@/lib/auth/session";
import { fieldErrors, formFields, type FormState } from "@/lib/settings/form";
import { organizationSettingsSchema, type OrganizationField } from "@/lib/settings/organization-schema";
import { asOwner } from "@/lib/settings/owner-action";

export const metadata: Metadata = { title: "Settings · Organization" };

async function saveOrganization(_previous: FormState<OrganizationField>, formData: FormData): Promise<FormState<OrganizationField>> {
  "use server";
  return asOwner(async (member) => {
    const values = formFields(formData);
    const parsed = organizationSettingsSchema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    await updateOrganizationSettings(await getDb(), { orgId: member.orgId, values: parsed.data });
    // The spa's name is also in the header of every page.
    revalidatePath("/", "layout");
    return { savedAt: Date.now() };
  });
}

async function OrganizationSection({ orgId }: { orgId: string }) {
  const settings = await getOrganizationSettings(await getDb(), { orgId });
  if (!settings) throw new Error("the signed-in member's organization is missing");
  return <OrgForm action={saveOrganization} initial={settings} />;
}

export default async function OrganizationSettingsPage() {
  const member = await requireMemberPage(["owner"]);
  return (
    <>
      <PageHeader title="Organization" description="The spa's name, how recovered bookings are counted, and who sees revenue." />
      <div className="px-4 py-6 sm:px-6">
        <Suspense fallback={<OrgFormSkeleton />}>
          <OrganizationSection orgId={member.orgId} />
        </Suspense>
      </div>
    </>
  );
}
