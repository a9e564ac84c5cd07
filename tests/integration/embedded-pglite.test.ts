// The embedded database path (no DATABASE_URL): created, migrated and seeded on first open, runs
// the same missed-call flow, and refuses a second process instead of being corrupted by it.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { dialActionPayload, inboundSmsPayload } from "@/lib/telephony/twilio/samples";
import { DOWNTOWN, uniqueCaller, useHarness } from "./harness";
import { rowsForCaller } from "./rows";

const dir = path.join(mkdtempSync(path.join(tmpdir(), "rebound-pglite-")), "pglite");
const h = useHarness({ database: "pglite", pgliteDir: dir });
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe("embedded PGlite", () => {
  it("is created with the demo spa, and a missed call is texted exactly once through the stand-in", async () => {
    const caller = uniqueCaller();
    const params = dialActionPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN });
    const responses = await Promise.all(Array.from({ length: 5 }, () => h.post("/api/webhooks/twilio/dial", params)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await h.settle();
    expect(h.standIn.messages.map((m) => [m.to, m.from])).toEqual([[caller, DOWNTOWN]]);
    expect(h.standIn.messages[0]?.body).toContain("Glow Med Spa");
    const rows = await rowsForCaller(caller);
    expect(rows.calls).toHaveLength(1);
    expect(rows.messages[0]?.status).toBe("queued");

    await h.post("/api/webhooks/twilio/sms", inboundSmsPayload({ accountSid: h.standIn.accountSid, from: caller, to: DOWNTOWN, body: "Can I book for Friday?" }));
    expect((await rowsForCaller(caller)).messages.map((m) => m.direction)).toEqual(["outbound", "inbound"]);
    // The first request creates, migrates and seeds the database in WebAssembly: seconds alone, far
    // more on a loaded machine, and how long it takes is not what this test is about.
  }, 180_000);

  it("a second process (db:seed) gets a clear error instead of opening the live directory", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir };
    delete env.DATABASE_URL;
    const run = promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["db/seed.ts"], { env, cwd: process.cwd() });
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("in use by another process");
    expect(failure?.stderr).toContain(`pid ${process.pid}`);
  });
});
