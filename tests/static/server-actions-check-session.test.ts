// Server actions are public POST endpoints: every exported action must check the session, role
// and organization itself (docs/style.md rule 7). This reads every "use server" module and fails when an
// exported async function does not call requireMember / requireMemberPage (or is one of the few
// public actions: signing in, signing up, accepting an invitation).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const PUBLIC_ACTIONS = new Set(["authenticate", "signOutAction", "signupAction", "acceptInviteAction"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : filesUnder(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Top-level functions of a module with their bodies (to the next top-level function). */
function topLevelFunctions(source: string): { name: string; exported: boolean; body: string }[] {
  const matches = [...source.matchAll(/^(export )?(?:async )?function (\w+)\s*[(<]/gm)];
  return matches.map((match, i) => ({
    name: match[2]!,
    exported: Boolean(match[1]) && /^export async/.test(match[0]),
    body: source.slice(match.index, matches[i + 1]?.index ?? source.length),
  }));
}

const checksSession = (body: string) => /requireMember(Page)?\(/.test(body);

/** Functions imported from the project ("@/…") that check the session themselves (shared guards). */
function importedGuards(source: string): string[] {
  return [...source.matchAll(/^import \{([^}]+)\} from "@\/([^"]+)";/gm)].flatMap((match) => {
    const file = ["", ".ts", ".tsx"].map((ext) => path.join(ROOT, `${match[2]}${ext}`)).find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) return [];
    const guards = new Set(topLevelFunctions(readFileSync(file, "utf8")).filter((f) => checksSession(f.body)).map((f) => f.name));
    return match[1]!.split(",").map((name) => name.trim().replace(/^type /, "")).filter((name) => guards.has(name));
  });
}

/** Names that check the session: requireMember itself, the module's own wrappers, and imported guards. */
function guardsOf(functions: { name: string; body: string }[], source: string): RegExp {
  const wrappers = functions.filter((f) => checksSession(f.body)).map((f) => f.name);
  return new RegExp(`\\b(${["requireMember", "requireMemberPage", ...wrappers, ...importedGuards(source)].join("|")})\\(`);
}

const serverModules = [...filesUnder(path.join(ROOT, "app")), ...filesUnder(path.join(ROOT, "lib"))].filter((file) =>
  /^\s*["']use server["']/.test(readFileSync(file, "utf8")),
);

describe("server actions", () => {
  it("exist (the check below is not vacuous)", () => {
    expect(serverModules.length).toBeGreaterThan(0);
  });

  it.each(serverModules.map((file) => [path.relative(ROOT, file), file]))("%s: every exported action checks the session", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const functions = topLevelFunctions(source);
    const guard = guardsOf(functions, source);
    const unchecked = functions
      .filter(({ name, exported, body }) => exported && !PUBLIC_ACTIONS.has(name) && !guard.test(body.replace(/^[^{]*\{/, "")))
      .map(({ name }) => name);
    expect(unchecked).toEqual([]);
  });
});
