// A production server without AUTH_SECRET refuses to start and says why, instead of serving a
// login page that can never work.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN_URL } from "@/tests/test-database";

test("next start without AUTH_SECRET exits with a message naming it", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "3198" };
  delete env.AUTH_SECRET;
  // Set (to the server this run uses) so the missing AUTH_SECRET is the one thing wrong; it exits before connecting.
  env.DATABASE_URL = ADMIN_URL;
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", "3198", "-H", "127.0.0.1"], { env });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      resolve(null);
    }, 30_000);
    server.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET is required in production");
});
