"use client";

import { useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { INTENT_LABEL, inboxHref, parseInboxFilter, STATUS_LABEL, type InboxFilter } from "@/lib/inbox/filters";

// Each menu is at least as wide as its longest choice ("Open and done", "Price question"), so none is
// cut off in the 24rem desktop column; when the three do not fit on one line, they wrap.
const selectClass =
  "h-8 min-w-fit flex-auto rounded-md border border-slate-300 bg-white px-2 text-xs text-slate-800 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

/**
 * Search, location, intent and status as a GET form: the URL holds the filters, a refresh or a
 * shared link shows the same list. Choosing in a menu applies it at once; the search applies on
 * Enter. The tab toggles ride along as hidden fields. Inputs are uncontrolled, so the live refresh
 * never resets what is being typed (the parent remounts the form when the filters themselves change).
 * Without JavaScript it is a plain GET form to the same page.
 */
export function FilterForm({ filter, basePath, locations }: { filter: InboxFilter; basePath: string; locations: { id: string; name: string }[] }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(event.currentTarget)].map(([key, value]) => [key, String(value)]));
    router.push(inboxHref(basePath, parseInboxFilter(values)));
  };
  return (
    <form ref={form} action={basePath} method="get" onSubmit={onSubmit} className="space-y-2 px-4 pt-3" role="search" aria-label="Search and filter conversations">
      {filter.needsReply ? <input type="hidden" name="needs_reply" value="1" /> : null}
      {filter.hot ? <input type="hidden" name="hot" value="1" /> : null}
      {filter.assignee ? <input type="hidden" name="assignee" value={filter.assignee} /> : null}
      <div className="flex gap-2">
        <label htmlFor="inbox-search" className="sr-only">
          Search by name or phone
        </label>
        <input
          id="inbox-search"
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          maxLength={100}
          placeholder="Search name or phone"
          autoComplete="off"
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 px-2.5 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
        <button
          type="submit"
          className="h-8 rounded-md bg-white px-2.5 text-xs font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Search
        </button>
      </div>
      <div className="flex flex-wrap gap-2">
        <label htmlFor="inbox-location" className="sr-only">
          Location
        </label>
        <select id="inbox-location" name="location" defaultValue={filter.locationId ?? ""} onChange={submit} className={selectClass}>
          <option value="">All locations</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <label htmlFor="inbox-intent" className="sr-only">
          Intent
        </label>
        <select id="inbox-intent" name="intent" defaultValue={filter.intent ?? ""} onChange={submit} className={selectClass}>
          <option value="">Any intent</option>
          {Object.entries(INTENT_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="inbox-status" className="sr-only">
          Status
        </label>
        <select id="inbox-status" name="status" defaultValue={filter.status} onChange={submit} className={selectClass}>
          {Object.entries(STATUS_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
