import type { Metadata } from "next";
import { revalidatePath } from "next/cache";
import { Suspense } from "react";
import { OrgForm } from "@/components/settings/org-form";
import { OrgFormSkeleton } from "@/components/settings/org-form-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { getOrganizationSettings, updateOrganizationSettings } from "@/db/queries/settings";
import { requireMemberPage } from "@/lib/auth/session";
import { fieldErrors, flattenErrors } from "@/lib/form-errors";
import { formFields, type FormState } from "@/lib/settings/form";
import { organizationSettingsSchema, type OrganizationField } from "@/lib/settings/organization-schema";
import { asOwner } from "@/lib/settings/owner-action";
import { enabledCountriesField, enabledCountriesSchema } from "@/lib/settings/text-countries";
import { env } from "@/lib/env";
import { countryName } from "@/lib/phone";

export const metadata: Metadata = { title: "Settings · Organization" };

async function saveOrganization(_previous: FormState<OrganizationField>, formData: FormData): Promise<FormState<OrganizationField>> {
  "use server";
  return asOwner(async (member) => {
    const values = formFields(formData);
    const countries = enabledCountriesField(formData);
    const parsed = organizationSettingsSchema.safeParse(values);
    const enabled = enabledCountriesSchema(env().sending.textCountries).safeParse(countries);
    if (!parsed.success || !enabled.success) {
      const errors = {
        ...(parsed.success ? {} : fieldErrors(parsed.error)),
        ...(enabled.success ? {} : { enabledCountries: flattenErrors(enabled.error).formErrors }),
      };
      return { errors, values: { ...values, enabledCountries: countries.join(",") } };
    }
    await updateOrganizationSettings({ orgId: member.orgId, values: { ...parsed.data, enabledCountries: enabled.data } });
    // The spa's name is also in the header of every page.
    revalidatePath("/", "layout");
    return { savedAt: Date.now() };
  });
}

async function OrganizationSection({ orgId }: { orgId: string }) {
  const settings = await getOrganizationSettings({ orgId });
  if (!settings) throw new Error("the signed-in member's organization is missing");
  return <OrgForm action={saveOrganization} initial={settings} allowedCountries={env().sending.textCountries.map((code) => ({ code, name: countryName(code) }))} />;
}

export default async function OrganizationSettingsPage() {
  const member = await requireMemberPage(["owner"]);
  return (
    <>
      <PageHeader title="Organization" description="The spa's name, how recovered bookings are counted, who sees revenue, and which countries Rebound texts." />
      <div className="px-4 py-6 sm:px-6">
        <Suspense fallback={<OrgFormSkeleton />}>
          <OrganizationSection orgId={member.orgId} />
        </Suspense>
      </div>
    </>
  );
}
