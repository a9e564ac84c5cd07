import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startScriptNodeFlags } from "./app-server";

describe("the server's Node flags", () => {
  it("are read from npm start, which caps the heap so a server stays within 400 MB", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const flags = startScriptNodeFlags(scripts.start ?? "");
    const cap = flags.map((flag) => /^--max-old-space-size=(\d+)$/.exec(flag)?.[1]).find(Boolean);
    expect(Number(cap)).toBeGreaterThan(0);
    expect(Number(cap)).toBeLessThanOrEqual(400);
  });

  it("takes every flag before the Next binary and refuses a start script of another shape", () => {
    expect(startScriptNodeFlags("node node_modules/next/dist/bin/next start")).toEqual([]);
    expect(startScriptNodeFlags("node --a=1 --trace-gc node_modules/next/dist/bin/next start")).toEqual(["--a=1", "--trace-gc"]);
    expect(() => startScriptNodeFlags("next start")).toThrow(/is not/);
  });
});
