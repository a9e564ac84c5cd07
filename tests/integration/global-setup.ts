// One fresh, migrated Postgres database with the demo spa for the whole integration run.
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed-demo";
import { createTestDatabase } from "../test-database";
import { DEMO_WEBHOOK_SECRETS } from "./demo-secrets";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("rebound_it");
  const handle = await openDb({ kind: "postgres", url: database.url });
  const { openphone, aircall, generic } = DEMO_WEBHOOK_SECRETS;
  const from = "environment" as const;
  await seedDemo(handle.db, { secrets: { openphone: { value: openphone, from }, aircall: { value: aircall, from }, generic: { value: generic, from } } });
  await handle.close();
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
