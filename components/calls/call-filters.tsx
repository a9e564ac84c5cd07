import { FilterForm } from "@/components/tables/filter-form";
import { inputClass } from "@/components/ui/field";
import type { LocationOption } from "@/db/queries/calls-list";
import { callsQuery, type CallsTableState } from "@/lib/tables/calls-state";
import { DISPOSITION_LABELS, LEAK_LABELS } from "./labels";

const selectClass = `${inputClass} w-auto bg-white`;

function Select({ name, label, value, all, options }: { name: string; label: string; value: string | undefined; all: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={name} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CallFilters({ state, locations }: { state: CallsTableState; locations: LocationOption[] }) {
  const { filters } = state;
  const { sort, size } = callsQuery(state);
  return (
    <FilterForm key={JSON.stringify(filters)} pathname="/calls" keep={{ sort, size }} label="Filter calls">
      <Select name="disposition" label="Disposition" value={filters.disposition} all="All calls" options={Object.entries(DISPOSITION_LABELS)} />
      <Select name="leak" label="Leak source" value={filters.leak} all="Any source" options={Object.entries(LEAK_LABELS)} />
      {locations.length > 1 ? <Select name="location" label="Location" value={filters.location} all="All locations" options={locations.map((l) => [l.id, l.name])} /> : null}
      <div>
        <label htmlFor="from" className="block text-xs font-medium text-slate-600">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={`${inputClass} w-auto`} />
      </div>
      <div>
        <label htmlFor="to" className="block text-xs font-medium text-slate-600">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={`${inputClass} w-auto`} />
      </div>
    </FilterForm>
  );
}
