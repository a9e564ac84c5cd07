// A fresh Postgres database per test run (the server is shared and keeps state between runs):
// created with a unique name, migrated, and dropped afterwards. The server: TEST_POSTGRES_URL, which
// `npm test` sets for every tier (tests/test-postgres.ts: the running server, or an embedded one).
import postgres from "postgres";

export const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    // A tier run on its own (`npm run test:integration`, `npx vitest …`) has no server chosen for it.
    if (error instanceof postgres.PostgresError) throw error;
    throw new Error(
      `No Postgres answers at ${ADMIN_URL}: run the tests through \`npm test\` (which starts one; one tier: \`npm test -- test:integration\`), or point TEST_POSTGRES_URL at a server`,
      { cause: error },
    );
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await client.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
