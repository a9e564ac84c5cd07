// Where a caller stands as a lead (`contacts.lead_status`), one closed set. Every contact starts
// `new_inbound` (the tag the CRM webhook sends, lib/crm/events.ts); a reply read as "wrong number"
// makes it `wrong_number`, which stops every automatic text (lib/intake/policy/decide.ts). The column is
// typed with it and a CHECK constraint holds the database to it (./checks.ts).
export const LEAD_STATUSES = ["new_inbound", "wrong_number"] as const;

export type LeadStatus = (typeof LEAD_STATUSES)[number];
