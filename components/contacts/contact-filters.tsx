import { FilterForm } from "@/components/tables/filter-form";
import { inputClass } from "@/components/ui/field";
import { contactsQuery, type ContactsTableState } from "@/lib/tables/contacts-state";
import { KIND_LABELS } from "./labels";

const selectClass = `${inputClass} w-auto bg-white`;

function YesNo({ name, label, value, yes, no }: { name: string; label: string; value: string | undefined; yes: string; no: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">All</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </select>
    </div>
  );
}

export function ContactFilters({ state }: { state: ContactsTableState }) {
  const { filters } = state;
  const { sort, size } = contactsQuery(state);
  const keep = { sort, size };
  return (
    <FilterForm key={JSON.stringify(filters)} pathname="/contacts" keep={keep} label="Filter contacts">
      <div className="w-full sm:w-64">
        <label htmlFor="q" className="block text-xs font-medium text-slate-600">
          Search name or phone
        </label>
        <div className="flex gap-2">
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Maria or 310 555" className={inputClass} />
          <button type="submit" className="rounded-md px-3 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
            Search
          </button>
        </div>
      </div>
      <div>
        <label htmlFor="kind" className="block text-xs font-medium text-slate-600">
          Kind
        </label>
        <select id="kind" name="kind" defaultValue={filters.kind ?? ""} className={selectClass}>
          <option value="">All kinds</option>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <YesNo name="optedOut" label="Opted out" value={filters.optedOut} yes="Opted out" no="Can be texted" />
      <YesNo name="blocked" label="Blocked" value={filters.blocked} yes="Blocked" no="Not blocked" />
    </FilterForm>
  );
}
