// One fresh, migrated Postgres database with the demo spa for the whole integration run.
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { createTestDatabase } from "../test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("rebound_it");
  const handle = await openDb({ kind: "postgres", url: database.url });
  await seedDemo(handle.db);
  await handle.close();
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
