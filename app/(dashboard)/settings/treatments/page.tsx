import type { Metadata } from "next";
import { TreatmentMenuForm } from "@/components/settings/treatment-menu-form";
import { PageHeader } from "@/components/ui/page-header";
import { listTreatments } from "@/db/queries/treatments";
import { requireMemberPage } from "@/lib/auth/session";
import { centsToInput } from "@/lib/bookings/money";
import { menuOf } from "@/lib/bookings/treatments";

export const metadata: Metadata = { title: "Settings · Treatments" };

export default async function TreatmentSettingsPage() {
  const member = await requireMemberPage(["owner"]);
  const saved = await listTreatments({ orgId: member.orgId });
  const lines = menuOf(saved).map((item) => ({ name: item.name, value: item.valueCents === null ? "" : centsToInput(item.valueCents) }));
  return (
    <div>
      <PageHeader
        title="Treatments"
        description="The menu the desk picks from in Mark booked, and what a booking of each is usually worth. The desk sees the value filled in and confirms or changes it; a treatment without a value is typed in every time."
      />
      <div className="p-4 sm:p-6">
        <section aria-labelledby="treatments-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="treatments-heading" className="text-base font-semibold text-slate-900">
            Treatment menu
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            {saved.length
              ? "Your menu, in the order the desk sees it."
              : "Not saved yet: these are common treatments with no values. Add your prices, remove what you do not offer, and save."}
          </p>
          <div className="mt-4">
            <TreatmentMenuForm initial={lines} />
          </div>
        </section>
      </div>
    </div>
  );
}
