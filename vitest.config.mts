import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": path.dirname(fileURLToPath(import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          setupFiles: ["tests/fast-check-seed.ts"],
          exclude: ["node_modules/**", "tests/integration/**", "tests/system/**", "tests/security/**", "e2e/**", ".next/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/fast-check-seed.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
          // run through Vite, it resolves (tests/integration/auth-hardening.test.ts calls Auth.js' routes).
          server: { deps: { inline: ["next-auth"] } },
          pool: "forks",
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Issue 12's attack replays: a victim spa and an attacker spa made through the real signup and
        // settings paths, on a fresh real Postgres; route-level attacks against `next start` (after
        // `npm run build`).
        resolve: { alias },
        test: {
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/fast-check-seed.ts", "tests/security/setup.ts"],
          pool: "forks",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real `next start` processes (after `npm run build`) against their own databases.
        resolve: { alias },
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
