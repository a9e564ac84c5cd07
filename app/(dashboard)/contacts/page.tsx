import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ContactFilters } from "@/components/contacts/contact-filters";
import { ContactsResults } from "@/components/contacts/contacts-results";
import { TableSkeleton } from "@/components/tables/table-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requireMemberPage } from "@/lib/auth/session";
import { contactsQuery, parseContactsState } from "@/lib/tables/contacts-state";
import type { RawSearchParams } from "@/lib/tables/table-state";
import { hrefWith } from "@/lib/tables/url";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const member = await requireMemberPage();
  const state = parseContactsState(await searchParams);
  const query = contactsQuery(state);
  const filtered = Object.values(state.filters).some((v) => v !== undefined);
  return (
    <div>
      <PageHeader
        title="Contacts"
        description="Everyone who called or texted: who they are, whether they can be texted, and when we last heard from them."
        actions={
          filtered ? (
            <Link href={hrefWith("/contacts", { sort: query.sort, size: query.size })} className="text-sm font-medium text-brand-700 hover:underline">
              Clear filters
            </Link>
          ) : null
        }
      />
      <ContactFilters state={state} />
      {/* A new key per state: the skeleton shows while the next page loads, not the stale rows. */}
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton columns={6} />}>
        <ContactsResults orgId={member.orgId} state={state} />
      </Suspense>
    </div>
  );
}
