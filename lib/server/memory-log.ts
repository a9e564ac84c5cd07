// A development diagnostic for `npm run dev:walk` (docs/benchmarks.md, "Development server
// memory"): with REBOUND_DEV_MEMORY_LOG set to a file, the server appends process.memoryUsage()
// to it as one JSON line every 10 s, so growth can be told apart: V8 heap, external and
// ArrayBuffers (PGlite's WebAssembly memory lives there) or native (RSS minus the rest).
// Never in production; once per process however often the module is evaluated.
import { appendFileSync } from "node:fs";

export const MEMORY_LOG_ENV = "REBOUND_DEV_MEMORY_LOG";
const STARTED = Symbol.for("rebound.memoryLog");

export function startMemoryLog(source: NodeJS.ProcessEnv = process.env, everyMs = 10_000): boolean {
  const file = source[MEMORY_LOG_ENV]?.trim();
  if (!file || source.NODE_ENV === "production") return false;
  const scope = globalThis as { [STARTED]?: boolean };
  if (scope[STARTED]) return false;
  scope[STARTED] = true;
  const write = () => {
    try {
      appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), pid: process.pid, ...process.memoryUsage() })}\n`);
    } catch {
      // a diagnostic never takes the server down
    }
  };
  write();
  setInterval(write, everyMs).unref();
  return true;
}
