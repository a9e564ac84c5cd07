"use client";

// The report's range and location: a GET form (it works before JavaScript loads), upgraded to a
// client navigation. The location applies at once; dates apply with the button, so a half-typed
// year does not reload the report.
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { RoiRange } from "@/lib/roi/range";

export function RangeForm({ range, today, locations }: { range: RoiRange; today: string; locations: { id: string; name: string }[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
    startTransition(() => router.push(`/roi?${params}`, { scroll: false }));
  }

  return (
    <form
      key={`${range.from}|${range.to}|${range.locationId ?? ""}`}
      role="search"
      aria-label="Report range"
      action="/roi"
      method="get"
      onSubmit={submit}
      aria-busy={pending}
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="from" className="block text-xs font-medium text-slate-600">
          From
        </label>
        <input id="from" name="from" type="date" required max={today} defaultValue={range.from} className={`${inputClass} w-auto`} />
      </div>
      <div>
        <label htmlFor="to" className="block text-xs font-medium text-slate-600">
          To
        </label>
        <input id="to" name="to" type="date" required max={today} defaultValue={range.to} className={`${inputClass} w-auto`} />
      </div>
      {locations.length > 1 ? (
        <div>
          <label htmlFor="location" className="block text-xs font-medium text-slate-600">
            Location
          </label>
          <select
            id="location"
            name="location"
            defaultValue={range.locationId ?? ""}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className={`${inputClass} w-auto bg-white`}
          >
            <option value="">All locations</option>
            {locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Updating…" : "Apply"}
      </Button>
    </form>
  );
}
