// Server actions are public POST endpoints: every exported action must check the session, role
// and organization itself (STYLE.md rule 7). This reads every "use server" module and fails when an
// exported async function does not call requireMember / requireMemberPage (or is one of the few
// public actions: signing in, signing up, accepting an invitation).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const PUBLIC_ACTIONS = new Set(["authenticate", "signOutAction", "signUpAction", "acceptInvitationAction"]);

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

/** Names that check the session: requireMember itself and the module's own wrappers around it. */
function guardsOf(functions: { name: string; body: string }[]): RegExp {
  const wrappers = functions.filter((f) => /requireMember(Page)?\(/.test(f.body)).map((f) => f.name);
  return new RegExp(`\\b(${["requireMember", "requireMemberPage", ...wrappers].join("|")})\\(`);
}

const serverModules = [...filesUnder(path.join(ROOT, "app")), ...filesUnder(path.join(ROOT, "lib"))].filter((file) =>
  /^\s*["']use server["']/.test(readFileSync(file, "utf8")),
);

describe("server actions", () => {
  it("exist (the check below is not vacuous)", () => {
    expect(serverModules.length).toBeGreaterThan(0);
  });

  it.each(serverModules.map((file) => [path.relative(ROOT, file), file]))("%s: every exported action checks the session", (_name, file) => {
    const functions = topLevelFunctions(readFileSync(file, "utf8"));
    const guard = guardsOf(functions);
    const unchecked = functions
      .filter(({ name, exported, body }) => exported && !PUBLIC_ACTIONS.has(name) && !guard.test(body.replace(/^[^{]*\{/, "")))
      .map(({ name }) => name);
    expect(unchecked).toEqual([]);
  });
});
