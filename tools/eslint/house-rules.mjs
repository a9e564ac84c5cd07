// @ts-check
// The house's architecture as lint rules (docs/architecture.md). Which files each rule applies to is
// set in eslint.config.mjs (`files` / `ignores`); the rules themselves only look at what a file imports
// or exports. Imports are resolved to repository paths ("@/db/client", "../../db/client.ts" and
// "./client" from db/ are all `db/client`), so a relative path cannot slip past a rule.
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SEE = "See docs/architecture.md.";

/**
 * The repository path an import names, without extension or trailing /index; null for a package.
 * @param {string} filename the linted file (absolute, or relative to the repository root)
 * @param {string} source the import specifier
 */
export function resolveImport(filename, source) {
  let absolute;
  if (source.startsWith("@/")) absolute = path.join(ROOT, source.slice(2));
  else if (source === "." || source === ".." || source.startsWith("./") || source.startsWith("../")) absolute = path.resolve(path.dirname(path.resolve(ROOT, filename)), source);
  else return null;
  const relative = path.relative(ROOT, absolute).split(path.sep).join("/");
  return relative.replace(/\.(?:[cm]?[jt]sx?|json)$/, "").replace(/(?:^|\/)index$/, "");
}

/**
 * Calls `check(sourceNode, specifier)` for every way a module can be loaded: import (also `import type`),
 * `export … from`, dynamic `import()`, `import("…")` in a type, and `require()`.
 * @param {(node: import("estree").Node, source: string) => void} check
 * @returns {import("eslint").Rule.RuleListener}
 */
function onEveryImport(check) {
  /** @param {any} node */
  const literal = (node) => (node && node.type === "Literal" && typeof node.value === "string" ? node : null);
  /** @param {any} node */
  const visit = (node) => {
    const source = literal(node);
    if (source) check(source, /** @type {string} */ (source.value));
  };
  return {
    ImportDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source),
    CallExpression: (node) => {
      if (node.callee.type === "Identifier" && node.callee.name === "require") visit(node.arguments[0]);
    },
    /** @param {any} node typescript-eslint's TSImportType: `import("…").Name` in a type position */
    TSImportType: (node) => visit(node.source ?? node.argument?.literal ?? node.parameter?.literal),
  };
}

/** @type {import("eslint").Rule.RuleModule} */
const noDbClientInUi = {
  meta: {
    type: "problem",
    docs: { description: "Screens (components/, app/**/*.tsx) never import db/client: they call a query in db/queries or a read in lib/." },
    messages: {
      dbClient: `A screen does not open the database: "{{source}}" is db/client. Call a query in db/queries (it uses the app's database itself) or a read in lib/. ${SEE}`,
    },
    schema: [],
  },
  create(context) {
    return onEveryImport((node, source) => {
      if (resolveImport(context.filename, source) === "db/client") context.report({ node, messageId: "dbClient", data: { source } });
    });
  },
};

/** @type {import("eslint").Rule.RuleModule} */
const noDevToolingImport = {
  meta: {
    type: "problem",
    docs: { description: "Product code never imports scripts/ (entry points) or tools/ (dev and test tooling)." },
    messages: {
      devTooling: `Product code does not import "{{source}}": {{folder}}/ holds {{what}}. Move what both need into lib/ and import it from there. ${SEE}`,
    },
    schema: [],
  },
  create(context) {
    return onEveryImport((node, source) => {
      const target = resolveImport(context.filename, source);
      const folder = target?.split("/")[0];
      if (folder !== "scripts" && folder !== "tools") return;
      const what = folder === "scripts" ? "command-line entry points only" : "development and test tooling";
      context.report({ node, messageId: "devTooling", data: { source, folder, what } });
    });
  },
};

/** @type {import("eslint").Rule.RuleModule} */
const noDefaultExport = {
  meta: {
    type: "suggestion",
    docs: { description: "Named exports only, except in the files a framework or tool loads by their default export." },
    messages: {
      defaultExport: `Use a named export: default exports are only for files the framework or a tool loads by their default (Next's page, layout, loading, error… files, tool configs, global setups). ${SEE}`,
    },
    schema: [],
  },
  create(context) {
    return {
      ExportDefaultDeclaration: (node) => context.report({ node, messageId: "defaultExport" }),
      /** @param {any} node `export { x as default }` */
      ExportSpecifier: (node) => {
        const exported = node.exported;
        if ((exported.type === "Identifier" ? exported.name : exported.value) === "default") context.report({ node, messageId: "defaultExport" });
      },
    };
  },
};

/** @type {import("eslint").Rule.RuleModule} */
const noExportAll = {
  meta: {
    type: "suggestion",
    docs: { description: "No barrels: `export * from` hides where a name lives." },
    messages: {
      exportAll: `No barrel re-exports: import "{{source}}" where it is used instead of re-exporting all of it. ${SEE}`,
    },
    schema: [],
  },
  create(context) {
    return {
      ExportAllDeclaration: (node) => context.report({ node, messageId: "exportAll", data: { source: String(node.source.value) } }),
    };
  },
};

/** @type {import("eslint").ESLint.Plugin} */
export const housePlugin = {
  meta: { name: "rebound-house" },
  rules: {
    "no-db-client-in-ui": noDbClientInUi,
    "no-dev-tooling-import": noDevToolingImport,
    "no-default-export": noDefaultExport,
    "no-export-all": noExportAll,
  },
};
