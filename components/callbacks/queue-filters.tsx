"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { queueHref, type QueueParams } from "@/lib/callbacks/queue-params";

const ASSIGNEES = [
  { value: "all", label: "All" },
  { value: "mine", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
] as const;

/** Filters that live in the URL: whose tasks, and which location. */
export function QueueFilters({ params, locations }: { params: QueueParams; locations: { id: string; name: string }[] }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 sm:px-6">
      <nav aria-label="Whose callbacks" className="flex rounded-md bg-slate-100 p-0.5 text-sm font-medium">
        {ASSIGNEES.map((a) => {
          const active = params.assignee === a.value;
          return (
            <Link
              key={a.value}
              href={queueHref(params, { assignee: a.value })}
              aria-current={active ? "page" : undefined}
              className={`rounded px-3 py-1 focus-visible:outline-2 focus-visible:outline-brand-600 ${active ? "bg-white text-brand-700 shadow-xs" : "text-slate-700 hover:text-slate-900"}`}
            >
              {a.label}
            </Link>
          );
        })}
      </nav>
      {locations.length > 1 ? (
        <form action="/callbacks" method="get" className="flex items-center gap-2">
          {params.assignee !== "all" ? <input type="hidden" name="assignee" value={params.assignee} /> : null}
          {params.view ? <input type="hidden" name="view" value={params.view} /> : null}
          <label htmlFor="queue-location" className="text-sm text-slate-600">
            Location
          </label>
          <select
            id="queue-location"
            name="location"
            defaultValue={params.locationId ?? ""}
            onChange={(e) => router.push(queueHref(params, { locationId: e.currentTarget.value || null }))}
            className="rounded-md border border-slate-300 bg-white py-1 pr-8 pl-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          >
            <option value="">All locations</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </form>
      ) : null}
    </div>
  );
}
