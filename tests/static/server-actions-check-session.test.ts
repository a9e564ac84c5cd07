// Server actions are public POST endpoints: every action must check the session, role and
// organization itself (docs/style.md rule 7), and does so by running through runAction
// (lib/server/action.ts), which also parses the input and maps errors in one place. This reads every
// "use server" module, and every function with an inline "use server" under app/, and fails when an
// action does not call runAction (directly, or through a helper of its own module or an imported one
// that does), when it checks the session or maps errors by hand beside it, or when an action not
// listed here declares itself public.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
/** The only actions with no session to check: signing in, signing up, accepting an invitation, signing out. */
const PUBLIC_ACTIONS = new Set(["authenticate", "signOutAction", "signupAction", "acceptInviteAction"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : filesUnder(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

type Fn = { name: string; exported: boolean; body: string };

/** Top-level functions of a module with their bodies (to the next top-level function). */
function topLevelFunctions(source: string): Fn[] {
  const matches = [...source.matchAll(/^(export )?(?:async )?function (\w+)\s*[(<]/gm)];
  return matches.map((match, i) => ({
    name: match[2]!,
    exported: Boolean(match[1]) && /^export async/.test(match[0]),
    body: source.slice(match.index, matches[i + 1]?.index ?? source.length),
  }));
}

/** A function's code after its signature. */
const inner = (fn: Fn) => fn.body.replace(/^[^{]*\{/, "");
const callsWrapper = (code: string) => /\brunAction\(/.test(code);

/** Functions imported from the project ("@/…") that run through runAction themselves (lib/settings/owner-action.ts' asOwner). */
function importedWrappers(source: string): string[] {
  return [...source.matchAll(/^import \{([^}]+)\} from "@\/([^"]+)";/gm)].flatMap((match) => {
    const file = ["", ".ts", ".tsx"].map((ext) => path.join(ROOT, `${match[2]}${ext}`)).find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) return [];
    const wrappers = new Set(
      topLevelFunctions(readFileSync(file, "utf8"))
        .filter((f) => callsWrapper(inner(f)))
        .map((f) => f.name),
    );
    return match[1]!
      .split(",")
      .map((name) => name.trim().replace(/^type /, ""))
      .filter((name) => wrappers.has(name));
  });
}

/** runAction itself, the module's own helpers that call it, and imported helpers that do. */
function wrappersOf(functions: Fn[], source: string): RegExp {
  const local = functions.filter((f) => callsWrapper(inner(f))).map((f) => f.name);
  return new RegExp(`\\b(${["runAction", ...local, ...importedWrappers(source)].join("|")})\\(`);
}

/** What only runAction does: checking the session, and turning errors into messages or log lines. */
const BY_HAND = /\b(requireMember|requireMemberPage|AppError|logError|describeError)\b|console\.|catch \(/;

/** The actions found: `{ file, name, code }`, where `code` is what must go through runAction. */
function actions(): { file: string; name: string; code: string; wrappers: RegExp; module: string }[] {
  const files = [...filesUnder(path.join(ROOT, "app")), ...filesUnder(path.join(ROOT, "lib")), ...filesUnder(path.join(ROOT, "components"))];
  return files.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const functions = topLevelFunctions(source);
    const wrappers = wrappersOf(functions, source);
    const relative = path.relative(ROOT, file);
    // A "use server" module: every exported async function is an action, and nothing in it checks or maps by hand.
    if (/^\s*["']use server["']/.test(source)) return functions.filter((f) => f.exported).map((f) => ({ file: relative, name: f.name, code: inner(f), wrappers, module: source }));
    // An inline server action (a page's form): the function whose body starts with "use server".
    return functions.filter((f) => /^\s*["']use server["']/.test(inner(f))).map((f) => ({ file: relative, name: f.name, code: inner(f), wrappers, module: inner(f) }));
  });
}

const found = actions();

describe("server actions", () => {
  it("are found, modules and inline ones (the checks below are not vacuous)", () => {
    expect(found.length).toBeGreaterThan(30);
    expect(found.map((a) => a.name)).toEqual(expect.arrayContaining(["saveOrganization", "authenticate", "sendReplyAction", "saveLocationAction"]));
  });

  it.each(found.map((a) => [`${a.file} › ${a.name}`, a] as const))("%s runs through runAction", (_label, action) => {
    expect(action.wrappers.test(action.code)).toBe(true);
  });

  it.each([...new Set(found.map((a) => a.file))])("%s checks no session and maps no error by hand", (file) => {
    const offenders = new Set(found.filter((a) => a.file === file).flatMap((a) => a.module.match(BY_HAND)?.[0] ?? []));
    expect([...offenders]).toEqual([]);
  });

  it("only the listed actions are public", () => {
    const publicActions = found.filter((a) => /access: "public"/.test(a.code)).map((a) => a.name);
    expect(publicActions.sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it("recognises an action that bypasses runAction", () => {
    const source = `"use server";\nexport async function sneakyAction(_p: State, formData: FormData) {\n  try {\n    const member = await requireMember(["owner"]);\n    return {};\n  } catch (error) {\n    return { message: "x" };\n  }\n}\n`;
    const [fn] = topLevelFunctions(source);
    expect(wrappersOf([fn!], source).test(inner(fn!))).toBe(false);
    expect(source.match(BY_HAND)?.[0]).toBe("requireMember");
  });
});
