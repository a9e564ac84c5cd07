// The repository stands alone: comments and docs cite files in it (docs/…), never the design
// documents it was first written against, which a reader of a clone does not have. This reads every
// file of the repository (what git tracks: ignored and generated folders are skipped) and fails on a
// citation of an outside document, or of a docs/ file or section that does not exist. The outside
// names are assembled here so this file does not match itself.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const OUTSIDE_DOCUMENTS = ["BRIEF", "DESIGN", "STYLE", "WEBHOOKS", "STACK", "INTEGRATIONS"];
const OUTSIDE = new RegExp(`\\.\\./shared\\b|\\b(?:${OUTSIDE_DOCUMENTS.join("|")})\\.md\\b`);
/** Not part of the repository (.gitignore), or not text. */
const SKIPPED_DIRS = new Set(["node_modules", ".next", ".git", ".data", "out", "coverage", "test-results", "playwright-report", "bench-results"]);
const BINARY = /\.(png|jpe?g|gif|ico|webp|woff2?|wasm|gz|tgz|zip|tsbuildinfo)$/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : filesUnder(full);
    return BINARY.test(name) || name === "next-env.d.ts" || name.startsWith(".env") ? [] : [full];
  });
}

/** GitHub's anchor of a markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1] ?? "")));
}

describe("the repository stands alone", () => {
  it("recognises a citation of an outside document, and not one of docs/", () => {
    const md = (name: string) => `${name}.md`;
    const cited = [
      `${["..", "shared"].join("/")}/${md("DESIGN")}`,
      `(${md("WEBHOOKS")} §4)`,
      `${md("STYLE")} rule 7`,
      `${md("STACK")} pitfall 9`,
      `${md("INTEGRATIONS")} §5`,
      md("BRIEF"),
    ];
    for (const citation of cited) expect(citation).toMatch(OUTSIDE);
    for (const ours of ["docs/style.md rule 7", "docs/provider-formats.md#aircall", "docs/stack-notes.md", "docs/webhooks.md"]) expect(ours).not.toMatch(OUTSIDE);
  });

  it("no file cites a document outside the repository", () => {
    const files = filesUnder(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const citing = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (OUTSIDE.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(citing).toEqual([]);
  });

  it("every docs/ file and section a file cites exists", () => {
    expect(anchorOf("OpenPhone / Quo")).toBe("openphone--quo");
    expect(anchorOf("next start: the pid must be the server")).toBe("next-start-the-pid-must-be-the-server");
    const broken = filesUnder(ROOT).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)].flatMap(([cited, doc = "", anchor]) => {
        const target = path.join(ROOT, "docs", doc);
        const exists = statSync(target, { throwIfNoEntry: false })?.isFile() ?? false;
        if (exists && (!anchor || anchorsOf(readFileSync(target, "utf8")).has(anchor))) return [];
        return [`${path.relative(ROOT, file)}: ${cited}`];
      }),
    );
    expect(broken).toEqual([]);
  });
});
