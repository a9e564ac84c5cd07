// The contacts table's URL: /contacts?kind=client&optedOut=no&blocked=yes&q=maria&sort=-lastActivity&page=2&size=50
import { z } from "zod";
import { contactKind } from "@/db/schema";
import { firstValues, optionalFilter, parseTableState, searchSchema, tableQuery, yesNoSchema, type RawSearchParams, type TableState } from "./table-state";
import type { QueryValues, SortState } from "./url";

export const CONTACT_SORTS = ["name", "lastActivity", "calls"] as const;
export type ContactSortId = (typeof CONTACT_SORTS)[number];
/**
 * A to Z by default: the one order that reads contacts alone. Last activity and number of calls
 * aggregate the organization's calls and conversations (see db/queries/contacts-list.ts).
 */
export const CONTACT_DEFAULT_SORT: SortState<ContactSortId> = { id: "name", desc: false };

export const contactFiltersSchema = z.object({
  kind: optionalFilter(z.enum(contactKind.enumValues)),
  optedOut: yesNoSchema,
  blocked: yesNoSchema,
  q: searchSchema,
});
export type ContactFilters = z.infer<typeof contactFiltersSchema>;

export type ContactsTableState = TableState<ContactSortId> & { filters: ContactFilters };

export function parseContactsState(raw: RawSearchParams): ContactsTableState {
  const values = firstValues(raw);
  const table = parseTableState(values, { sorts: CONTACT_SORTS, defaultSort: CONTACT_DEFAULT_SORT });
  return { ...table, filters: contactFiltersSchema.parse(values) };
}

/** The canonical query of a state: what links on the page carry forward. */
export function contactsQuery(state: ContactsTableState): QueryValues {
  return { ...tableQuery(state, CONTACT_DEFAULT_SORT), ...state.filters };
}
