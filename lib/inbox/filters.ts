// The inbox's filters live in the URL (?needs_reply=1&hot=1&assignee=mine&location=…&intent=…&q=…),
// so a filtered view can be bookmarked, shared and refreshed. Parsing and building those URLs is
// pure; db/queries/conversations.ts turns an InboxFilter into SQL.
import type { Intent } from "@/lib/messaging/intent";

export const INTENT_LABEL: Record<Intent, string> = {
  book: "Wants to book",
  today: "Wants today",
  price: "Price question",
  reschedule: "Reschedule",
  cancel: "Cancel",
  billing: "Billing",
  wrong_number: "Wrong number",
  other: "Other",
};
const INTENTS = Object.keys(INTENT_LABEL) as Intent[];

export const STATUS_LABEL = { open: "Open", done: "Done", all: "Open and done" } as const;
export type StatusView = keyof typeof STATUS_LABEL;

export type InboxFilter = {
  /** Open conversations unless asked otherwise: marking one done takes it out of the way. */
  status: StatusView;
  /** Someone is waiting for a human answer (waitingSince set) and the conversation is open. */
  needsReply: boolean;
  hot: boolean;
  assignee: "mine" | "unassigned" | null;
  locationId: string | null;
  intent: Intent | null;
  /** A name, or digits of a phone number anywhere ("555 01", "(310)"). */
  q: string | null;
};

/** The toggles shown as tabs, each with its count of conversations that still need work (db/queries/conversations.ts needsWork). */
export const TABS = ["all", "needs_reply", "hot", "unassigned", "mine"] as const;
export type InboxTab = (typeof TABS)[number];
export const TAB_LABEL: Record<InboxTab, string> = {
  all: "All",
  needs_reply: "Needs reply",
  hot: "Hot",
  unassigned: "Unassigned",
  mine: "Mine",
};

export const EMPTY_FILTER: InboxFilter = { status: "open", needsReply: false, hot: false, assignee: null, locationId: null, intent: null, q: null };
export const MAX_SEARCH_LENGTH = 100;

export type SearchParams = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Anything unknown or malformed in the URL is ignored rather than an error: it is the user's address bar. */
export function parseInboxFilter(params: SearchParams): InboxFilter {
  const status = first(params.status);
  const assignee = first(params.assignee);
  const location = first(params.location);
  const intent = first(params.intent);
  const q = first(params.q)?.trim().slice(0, MAX_SEARCH_LENGTH);
  return {
    status: status === "done" || status === "all" ? status : "open",
    needsReply: first(params.needs_reply) === "1",
    hot: first(params.hot) === "1",
    assignee: assignee === "mine" || assignee === "unassigned" ? assignee : null,
    locationId: location && UUID.test(location) ? location.toLowerCase() : null,
    intent: INTENTS.find((i) => i === intent) ?? null,
    q: q ? q : null,
  };
}

/** Only what differs from the default view, in a stable order. */
export function filterParams(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status !== "open") params.set("status", filter.status);
  if (filter.needsReply) params.set("needs_reply", "1");
  if (filter.hot) params.set("hot", "1");
  if (filter.assignee) params.set("assignee", filter.assignee);
  if (filter.locationId) params.set("location", filter.locationId);
  if (filter.intent) params.set("intent", filter.intent);
  if (filter.q) params.set("q", filter.q);
  return params;
}

/** A link to `path` showing this filter, optionally at an older page (keyset cursor). */
export function inboxHref(path: string, filter: InboxFilter, before?: string | null): string {
  const params = filterParams(filter);
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function isTabActive(filter: InboxFilter, tab: InboxTab): boolean {
  switch (tab) {
    case "all":
      return !filter.needsReply && !filter.hot && !filter.assignee;
    case "needs_reply":
      return filter.needsReply;
    case "hot":
      return filter.hot;
    case "unassigned":
    case "mine":
      return filter.assignee === tab;
  }
}

/**
 * Clicking a tab toggles it and keeps the others (needs reply + hot + mine combine); "All" clears
 * the toggles. Unassigned and mine exclude each other, so choosing one replaces the other.
 */
export function toggleTab(filter: InboxFilter, tab: InboxTab): InboxFilter {
  switch (tab) {
    case "all":
      return { ...filter, needsReply: false, hot: false, assignee: null };
    case "needs_reply":
      return { ...filter, needsReply: !filter.needsReply };
    case "hot":
      return { ...filter, hot: !filter.hot };
    case "unassigned":
    case "mine":
      return { ...filter, assignee: filter.assignee === tab ? null : tab };
  }
}

/** The filter of one tab alone, on top of the shared narrowing (status, location, intent, search): what its count counts. */
export function tabFilter(filter: InboxFilter, tab: InboxTab): InboxFilter {
  return toggleTab({ ...filter, needsReply: false, hot: false, assignee: null }, tab);
}

export function isFiltered(filter: InboxFilter): boolean {
  return filterParams(filter).toString() !== "";
}

export type SearchTerms = { text: string; digits: string | null };

/**
 * What a search box query matches: the contact's name (case-insensitive, anywhere), and when the
 * query looks like a phone number (digits with spaces, dashes, dots, parentheses or a plus; at
 * least two digits) those digits anywhere in the E.164 number, whatever the punctuation typed:
 * "555 01", "(310)", "555-0111". Letters make it a name search only ("Room 2" is not a number).
 */
export function searchTerms(q: string | null): SearchTerms | null {
  const text = q?.trim();
  if (!text) return null;
  const digits = text.replace(/\D/g, "");
  return { text, digits: /^[\d\s()+\-.]+$/.test(text) && digits.length >= 2 ? digits : null };
}

/** A LIKE pattern that matches `text` literally (%, _ and \ typed by the user are not wildcards). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
