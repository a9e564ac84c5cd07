// Next's recommended rules (core web vitals), typescript-eslint's recommended rules, Prettier's opt-out of
// formatting rules, and the house's architecture (tools/eslint/house-rules.mjs, docs/architecture.md).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { housePlugin } from "./tools/eslint/house-rules.mjs";

const CODE = ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"];
const TESTS = ["**/*.test.{ts,tsx}", "tests/**", "e2e/**"];

/** Files Next loads by their default export (node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions). */
const NEXT_DEFAULT_EXPORTS = [
  "app/**/{page,layout,template,loading,error,global-error,not-found,global-not-found,forbidden,unauthorized,default}.{js,jsx,ts,tsx}",
  "app/**/{opengraph-image,twitter-image,icon,apple-icon,sitemap,robots,manifest}.{js,jsx,ts,tsx}",
  "proxy.ts",
];
/** Tool configs and global setups, which their tools load by their default export. */
const TOOL_DEFAULT_EXPORTS = ["*.config.{js,mjs,cjs,ts,mts,cts}", "**/global-setup.ts", "**/global-teardown.ts"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    name: "rebound/typescript",
    files: CODE,
    rules: {
      // A leading underscore marks a value left out on purpose (`const { secret: _omitted, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    name: "rebound/tests",
    files: TESTS,
    rules: {
      // useHarness() / useSecurityHarness() are vitest setup helpers named like hooks, not React hooks.
      "react-hooks/rules-of-hooks": "off",
      "react-hooks/immutability": "off",
    },
  },
  {
    name: "rebound/house",
    files: CODE,
    plugins: { house: housePlugin },
    rules: {
      "house/no-default-export": "error",
      "house/no-export-all": "error",
    },
  },
  {
    name: "rebound/house/framework-default-exports",
    files: [...NEXT_DEFAULT_EXPORTS, ...TOOL_DEFAULT_EXPORTS],
    rules: { "house/no-default-export": "off" },
  },
  {
    // drizzle reads the whole schema from this one module (drizzle.config.ts, db/client.ts); the areas stay in their own files.
    name: "rebound/house/schema-entry",
    files: ["db/schema/index.ts"],
    rules: { "house/no-export-all": "off" },
  },
  {
    name: "rebound/house/screens",
    files: ["components/**", "app/**/*.{jsx,tsx}"],
    rules: { "house/no-db-client-in-ui": "error" },
  },
  {
    name: "rebound/house/product-code",
    files: ["app/**", "components/**", "lib/**", "db/**", "instrumentation.ts", "proxy.ts", "auth*.ts", "types/**"],
    // The seed is a development entry point; tests may use test tooling.
    ignores: ["db/seed*.ts", ...TESTS],
    rules: { "house/no-dev-tooling-import": "error" },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", ".data/**", "coverage/**", "test-results/**", "playwright-report/**", "bench-results/**"]),
]);
