// Secrets never reach the server log: no server code hands a raw error object (whose message and
// cause carry a failed query's parameters: password hashes, tokens, webhook secrets) or a request
// body to console.*. Errors go through lib/log.ts (logError / describeError), which summarises
// them. This reads every server-side source file and fails on a console call that passes one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
/** Server code that runs in the app (scripts and tests print to a developer's terminal). */
const SERVER_DIRS = ["app", "lib", "db/queries", "components"];
const SERVER_FILES = ["auth.ts", "auth.config.ts", "proxy.ts", "instrumentation.ts", "db/client.ts"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : filesUnder(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Each console.* call with its arguments (to the matching parenthesis). */
function consoleCalls(source: string): string[] {
  const calls: string[] = [];
  for (const match of source.matchAll(/console\.(log|info|warn|error|debug)\(/g)) {
    let depth = 1;
    let i = (match.index ?? 0) + match[0].length;
    for (; i < source.length && depth > 0; i += 1) {
      if (source[i] === "(") depth += 1;
      else if (source[i] === ")") depth -= 1;
    }
    calls.push(source.slice(match.index, i));
  }
  return calls;
}

/** The code of a call's arguments: string literals dropped, template literals reduced to their `${…}` parts. */
function codeOnly(args: string): string {
  let out = "";
  for (let i = 0; i < args.length; i += 1) {
    const c = args[i];
    if (c === '"' || c === "'") {
      for (i += 1; i < args.length && args[i] !== c; i += args[i] === "\\" ? 2 : 1) {}
      out += '""';
    } else if (c === "`") {
      for (i += 1; i < args.length && args[i] !== "`"; i += 1) {
        if (args[i] === "\\") i += 1;
        else if (args[i] === "$" && args[i + 1] === "{") {
          let depth = 1;
          const start = i + 2;
          for (i += 2; i < args.length && depth > 0; i += 1) depth += args[i] === "{" ? 1 : args[i] === "}" ? -1 : 0;
          out += ` ${args.slice(start, i - 1)} `;
          i -= 1;
        }
      }
    } else out += c;
  }
  return out;
}

/** The arguments with every nested call `f(…)` collapsed to `f()`: what a function returns is its own business. */
function withoutNestedCalls(code: string): string {
  let out = code;
  for (let match = /[A-Za-z_$][\w$]*\((?!\))/.exec(out); match; match = /[A-Za-z_$][\w$]*\((?!\))/.exec(out)) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < out.length && depth > 0; i += 1) depth += out[i] === "(" ? 1 : out[i] === ")" ? -1 : 0;
    out = `${out.slice(0, match.index + match[0].length)})${out.slice(i)}`;
  }
  return out;
}

/** A caught error (or its message or cause), a request or a body, passed or interpolated as is. */
const RAW_VALUE = /(^|[^\w.$])(error|err|e|cause|request|req|body|rawBody|params|payload)(\.(message|stack|cause))?(?![\w$(])/;

const leaksRawValue = (call: string) => RAW_VALUE.test(withoutNestedCalls(codeOnly(call.slice(call.indexOf("(") + 1, -1))));

describe("server logging", () => {
  const files = [...SERVER_DIRS.flatMap((dir) => filesUnder(path.join(ROOT, dir))), ...SERVER_FILES.map((f) => path.join(ROOT, f))];

  it("finds the server code, and recognises a leak when it sees one", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(leaksRawValue('console.error("[inbox] reply failed", error)')).toBe(true);
    expect(leaksRawValue("console.error(`[inbox] failed: ${error}`)")).toBe(true);
    expect(leaksRawValue("console.warn(`[x] ${e.message}`)")).toBe(true);
    expect(leaksRawValue("console.log(JSON.stringify(body), 1)")).toBe(false);
    expect(leaksRawValue("console.log(body)")).toBe(true);
    expect(leaksRawValue("console.error(`[signup] failed: ${safeErrorSummary(error)}`)")).toBe(false);
    expect(leaksRawValue('console.error("[health] unexpected error in the body")')).toBe(false);
  });

  it("never passes a raw error, request or body to console.*", () => {
    const offenders = files
      .filter((file) => !file.endsWith(path.join("lib", "log.ts")))
      .flatMap((file) =>
        consoleCalls(readFileSync(file, "utf8"))
          .filter(leaksRawValue)
          .map((call) => `${path.relative(ROOT, file)}: ${call}`),
      );
    expect(offenders).toEqual([]);
  });
});
