// The folders show the architecture (docs/architecture.md#the-folders): product code never imports
// scripts/ (entry points) or tools/ (dev and test tooling), and the database client imports no seed
// (the server's start-up hands it one). This reads every product source file's imports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const PRODUCT_DIRS = ["app", "components", "lib", "db"];
const PRODUCT_FILES = ["instrumentation.ts", "proxy.ts", "auth.ts", "auth.config.ts"];
/** db/ files that are commands or demo data, not the product: they may use tooling. */
const NOT_PRODUCT = /^db\/(seed[^/]*|migrate)\.ts$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : filesUnder(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Every module specifier a file imports, statically or with import(). */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1] ?? "");
}

/** Where a specifier points, relative to the repository root ("@/x" and "./x" alike). */
function target(file: string, specifier: string): string {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(ROOT, path.resolve(path.dirname(file), specifier));
  return specifier;
}

const productFiles = [...PRODUCT_DIRS.flatMap((dir) => filesUnder(path.join(ROOT, dir))), ...PRODUCT_FILES.map((f) => path.join(ROOT, f))].filter(
  (file) => !NOT_PRODUCT.test(path.relative(ROOT, file)),
);

describe("product imports", () => {
  it("reads the imports it checks", () => {
    expect(importsOf(`import { x } from "@/tools/a";\nconst m = await import("../scripts/b");`)).toEqual(["@/tools/a", "../scripts/b"]);
    expect(target(path.join(ROOT, "lib/x/y.ts"), "../../tools/z")).toBe("tools/z");
    expect(productFiles.length).toBeGreaterThan(100);
  });

  it("no product file imports scripts/ or tools/", () => {
    const offending = productFiles.flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .filter((specifier) => /^(scripts|tools)\//.test(target(file, specifier)))
        .map((specifier) => `${path.relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it("db/client.ts imports no seed", () => {
    const file = path.join(ROOT, "db/client.ts");
    expect(importsOf(readFileSync(file, "utf8")).filter((specifier) => /(^|\/)seed/.test(target(file, specifier)))).toEqual([]);
  });
});
