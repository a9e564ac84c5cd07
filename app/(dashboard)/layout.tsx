import Link from "next/link";
import { Suspense } from "react";
import { HeldTextsBanner } from "@/components/sending/held-texts-banner";
import { NumberProofBanner } from "@/components/sending/number-proof-banner";
import { MainNav, type NavItem } from "@/components/nav/main-nav";
import { countDueCallbacks } from "@/db/queries/callbacks";
import { requireMemberPage, type Role } from "@/lib/auth/session";
import { PausedNumbersBanner } from "@/components/texting/paused-numbers-banner";
import { signOutAction } from "./actions";

function navFor(role: Role, dueCallbacks: number): NavItem[] {
  const items: NavItem[] = [
    { href: "/inbox", label: "Inbox" },
    { href: "/callbacks", label: "Callbacks", badge: { count: dueCallbacks, label: dueCallbacks === 1 ? "callback due" : "callbacks due" } },
    { href: "/contacts", label: "Contacts" },
    { href: "/calls", label: "Calls" },
  ];
  return role === "owner" ? [...items, { href: "/roi", label: "ROI" }, { href: "/settings", label: "Settings" }] : items;
}

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const member = await requireMemberPage();
  // Due and overdue callbacks, the same rule as the queue's "Due now" group (db/queries/callbacks.ts).
  const dueCallbacks = await countDueCallbacks({ orgId: member.orgId, now: new Date() });
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:h-14 sm:flex-nowrap sm:py-0">
          <Link href="/inbox" className="text-lg font-semibold tracking-tight text-brand-700">
            Rebound
          </Link>
          <div className="order-last -mx-2 w-full sm:order-none sm:mx-0 sm:w-auto">
            <MainNav items={navFor(member.role, dueCallbacks)} />
          </div>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline">
              {member.orgName} · <span className="text-slate-900">{member.name}</span>{" "}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{member.role}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      {/* Every member: a number whose automatic texts a carrier stopped (A2P). */}
      <Suspense fallback={null}>
        <PausedNumbersBanner orgId={member.orgId} />
      </Suspense>
      {member.role === "owner" ? (
        <Suspense fallback={null}>
          <HeldTextsBanner orgId={member.orgId} />
          <NumberProofBanner orgId={member.orgId} />
        </Suspense>
      ) : null}
      <div className="mx-auto w-full max-w-7xl flex-1">{children}</div>
    </div>
  );
}
