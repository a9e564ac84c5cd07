// Queries run on the app's database by default; a caller's executor (a transaction, or a test's own
// in-memory database) replaces it, and then the app's database is never opened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "./client";
import { insertOrganization } from "./queries/onboarding";

const appDatabase = () => (globalThis as { rebound?: unknown }).rebound;

describe("a query handed an executor", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dir: null });
  }, 120_000); // migrating an in-memory PGlite takes seconds, more on a busy machine
  afterAll(async () => handle.close());

  it("writes and reads on that executor, and leaves the app's database unopened", async () => {
    expect(appDatabase()).toBeUndefined();
    const orgId = await insertOrganization({ name: "Executor Spa", slug: "executor-spa" }, handle.db);
    expect(orgId).not.toBeNull();
    // Null when the slug is taken: the first insert is in this database.
    expect(await insertOrganization({ name: "Executor Spa", slug: "executor-spa" }, handle.db)).toBeNull();
    expect(appDatabase()).toBeUndefined();
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await insertOrganization({ name: "Rolled Back Spa", slug: "rolled-back-spa" }, tx);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    // The slug is free again: the insert ran inside the transaction that rolled back.
    expect(await insertOrganization({ name: "Rolled Back Spa", slug: "rolled-back-spa" }, handle.db)).not.toBeNull();
  });
});
