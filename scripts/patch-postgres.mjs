// postinstall: fixes to postgres.js 3.4.9 (porsager/postgres#1208, #1154, PR #1209), until a
// release carries them. When Postgres ends a connection in the middle of a transaction (a failover,
// a restart, pg_terminate_backend), postgres.js writes the ROLLBACK to the dead socket from a timer:
// an uncaught TypeError, and that pooled connection then hangs every later query sent to it. It also
// keeps the dead session's FATAL error and fails the first query of the next session with it.
// A write still waiting for its timer when the socket closes stays behind, so the next session's
// start-up message is queued after it and never flushed. And a query cut off by the close stays the
// connection's "current" query: while the database refuses connections, each refusal is taken as
// that stale query's error and the connection retries forever, so whatever query is waiting for it
// hangs until the database is back.
// Fixed here: a write to a closed socket fails its queries with CONNECTION_CLOSED, and a closed
// connection forgets its last error, its unsent bytes and its cut-off or failed query.
// Idempotent, and upgrades files patched by an earlier version; replaces files (never edits them in
// place, so a hard-linked node_modules elsewhere is left alone). Proven by
// tests/integration/database-outage.test.ts and tests/system/faults.test.ts.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

const MARK = "/* rebound: patched (porsager/postgres#1208) */";
const root = path.resolve(process.cwd(), "node_modules/postgres");
const CLOSED = "  async function closed(hadError) {\n";
const GUARD =
  "    if (socket === null) {\n" +
  "      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
  "      chunk = nextWriteTimer = null\n" +
  "      error(Errors.connection('CONNECTION_CLOSED', options, socket))\n" +
  "      query = null\n" +
  "      return false\n" +
  "    }\n";
const CUT_OFF = "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n";

/** Each fix: whether a file already has it, and how to add it (null: the code is not what we expect). */
const fixes = [
  {
    name: "a write to a closed socket fails its queries",
    done: (src) => src.includes(`${MARK}\n${GUARD}`),
    apply: (src) => {
      const from = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
      // An earlier version of this script left the failed query as the connection's current one.
      const earlier = GUARD.replace("      query = null\n", "");
      if (src.includes(`${MARK}\n${earlier}`)) return src.replace(`${MARK}\n${earlier}`, `${MARK}\n${GUARD}`);
      if (!src.includes(from)) return null;
      return src.replace(from, `  function nextWrite(fn) {\n    ${MARK}\n${GUARD}    const x = socket.write(chunk, fn)`);
    },
  },
  {
    name: "a closed connection forgets its last error and unsent bytes",
    done: (src) => src.includes(`${CLOSED}    errorResponse = null\n    nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n`),
    apply: (src) => {
      if (!src.includes(CLOSED)) return null;
      const reset = "    errorResponse = null\n    nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n";
      // An earlier version of this script added only the first line.
      return src.replace(`${CLOSED}    errorResponse = null\n`, CLOSED).replace(CLOSED, CLOSED + reset);
    },
  },
  {
    name: "a closed connection forgets its cut-off query",
    done: (src) => src.includes(`${CUT_OFF}    query = null\n`),
    apply: (src) => (src.includes(CUT_OFF) ? src.replace(CUT_OFF, `${CUT_OFF}    query = null\n`) : null),
  },
];

function patch(file) {
  if (!existsSync(file)) return "absent";
  let source = readFileSync(file, "utf8");
  const applied = [];
  for (const fix of fixes) {
    if (fix.done(source)) continue;
    const next = fix.apply(source);
    if (next === null) return `not applicable (the code changed: check whether upstream fixed #1208 and drop this script); missing: ${fix.name}`;
    source = next;
    applied.push(fix.name);
  }
  if (!applied.length) return "up to date";
  const temporary = `${file}.rebound-${process.pid}`;
  writeFileSync(temporary, source);
  renameSync(temporary, file);
  return `patched: ${applied.join("; ")}`;
}

if (existsSync(root)) {
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  for (const dir of ["src", "cjs/src", "cf/src"]) {
    const result = patch(path.join(root, dir, "connection.js"));
    if (result !== "absent") console.log(`postgres ${version} ${dir}/connection.js: ${result}`);
  }
}
