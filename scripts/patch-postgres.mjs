// postinstall: two fixes to postgres.js 3.4.9 (porsager/postgres#1208, #1154, PR #1209), until a
// release carries them. When Postgres ends a connection in the middle of a transaction (a failover,
// a restart, pg_terminate_backend), postgres.js writes the ROLLBACK to the dead socket from a timer:
// an uncaught TypeError, and that pooled connection then hangs every later query sent to it. It also
// keeps the dead session's FATAL error and fails the first query of the next session with it.
// Fixed here: a write to a closed socket fails its queries with CONNECTION_CLOSED, and a closed
// connection forgets its last error. Idempotent; replaces files (never edits them in place, so a
// hard-linked node_modules elsewhere is left alone). Proven by tests/system/faults.test.ts.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

const MARK = "/* rebound: patched (porsager/postgres#1208) */";
const root = path.resolve(process.cwd(), "node_modules/postgres");

const fixes = [
  {
    from: "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    to:
      "  function nextWrite(fn) {\n" +
      `    ${MARK}\n` +
      "    if (socket === null) {\n" +
      "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
      "      chunk = nextWriteTimer = null\n" +
      "      error(Errors.connection('CONNECTION_CLOSED', options, socket))\n" +
      "      return false\n" +
      "    }\n" +
      "    const x = socket.write(chunk, fn)",
  },
  {
    from: "  async function closed(hadError) {\n    incoming = Buffer.alloc(0)",
    to: "  async function closed(hadError) {\n    errorResponse = null\n    incoming = Buffer.alloc(0)",
  },
];

function patch(file) {
  if (!existsSync(file)) return "absent";
  const source = readFileSync(file, "utf8");
  if (source.includes(MARK)) return "already patched";
  let next = source;
  for (const fix of fixes) {
    if (!next.includes(fix.from)) return "not applicable (the code changed: check whether upstream fixed #1208 and drop this script)";
    next = next.replace(fix.from, fix.to);
  }
  const temporary = `${file}.rebound-${process.pid}`;
  writeFileSync(temporary, next);
  renameSync(temporary, file);
  return "patched";
}

if (existsSync(root)) {
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  for (const dir of ["src", "cjs/src", "cf/src"]) {
    const result = patch(path.join(root, dir, "connection.js"));
    if (result !== "absent") console.log(`postgres ${version} ${dir}/connection.js: ${result}`);
  }
}
