"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/settings", label: "Organization" },
  { href: "/settings/locations", label: "Locations" },
  { href: "/settings/templates", label: "Templates" },
  { href: "/settings/treatments", label: "Treatments" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/integrations", label: "Integrations" },
  { href: "/texting", label: "Texting readiness" },
  { href: "/settings/crm", label: "CRM webhook" },
  { href: "/settings/api", label: "API" },
  { href: "/getting-started", label: "Getting started" },
] as const;

/** The settings sub-navigation: wrapping rows on a phone (every link on screen), a column beside the page on a desktop. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex flex-wrap gap-1 px-3 py-2 text-sm font-medium md:flex-col md:flex-nowrap md:px-3 md:py-3">
      {ITEMS.map((item) => {
        const active = item.href === "/settings" ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-brand-600 ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
