// What a caller's reply is about (`conversations.intent`), one closed set: lib/messaging/intent.ts
// classifies into it, the inbox filters by it, the API and exports report it (docs/api.md). The
// column is typed with it and a CHECK constraint holds the database to it (./checks.ts).
export const INTENTS = ["book", "today", "price", "reschedule", "cancel", "billing", "wrong_number", "other"] as const;

export type Intent = (typeof INTENTS)[number];
