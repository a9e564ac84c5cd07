// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded database when it
// is unset (refusing, with a clear message, while another process holds it).
import { openDb, targetFromEnv } from "./client";
import { EmbeddedDbLockedError } from "./embedded-lock";

async function main(): Promise<void> {
  const target = targetFromEnv();
  const started = Date.now();
  try {
    const handle = await openDb(target, { migrate: true });
    await handle.close();
  } catch (error) {
    if (error instanceof EmbeddedDbLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const where = target.kind === "postgres" ? new URL(target.url).pathname.slice(1) : target.dir;
  console.log(`Migrations applied to ${where} in ${Date.now() - started} ms.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
