"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `badge`: a count shown next to the label (due or overdue callbacks on "Callbacks"), computed on the server. */
export type NavItem = { href: string; label: string; badge?: { count: number; label: string } };

/** The top navigation. It wraps onto a second line on a phone rather than scrolling: every link stays on screen. */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm font-medium">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 whitespace-nowrap ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
          >
            {item.label}
            {item.badge && item.badge.count > 0 ? (
              <span data-testid="nav-badge" className="ml-1.5 inline-block min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold text-white tabular-nums">
                {item.badge.count}
                <span className="sr-only"> {item.badge.label}</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
