// Shared by global-setup.ts (which seeds them) and the test files (which sign with them).
/**
 * The demo organization's own webhook secrets in the integration run (global-setup.ts seeds them,
 * as `npm run db:seed` stores OPENPHONE_WEBHOOK_SECRET / AIRCALL_WEBHOOK_TOKEN /
 * GENERIC_WEBHOOK_SECRET). The same in every test file: files run in parallel on one database.
 */
export const DEMO_WEBHOOK_SECRETS = {
  openphone: `whsec_${Buffer.alloc(32, 41).toString("base64")}`,
  aircall: "aircall-it-token-7f3c2a9e",
  generic: "generic-it-secret-5b1e8d0c7a2f4e69",
} as const;
