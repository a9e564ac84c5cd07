// The whole domain of Rebound (docs/architecture.md#domain-words), one file per area. Later
// work adds behaviour, not tables. snake_case in SQL through drizzle's casing option; camelCase here.
// Everything is imported from "@/db/schema". An area file imports the areas it references (only
// inside the lazy `references(() => …)` callbacks), and never one that imports it back:
// accounts ← locations ← calls ← conversations ← desk, audit; roi. The closed sets of text columns
// (event-types, intents, lead-statuses) import nothing; ./checks.ts turns them into CHECK constraints.
export * from "./enums";
export * from "./event-types";
export * from "./intents";
export * from "./lead-statuses";
export * from "./number-states";
export * from "./accounts";
export * from "./locations";
export * from "./calls";
export * from "./intake";

export * from "./conversations";
export * from "./desk";
export * from "./audit";
export * from "./roi";
