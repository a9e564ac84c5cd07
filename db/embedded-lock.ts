// PGlite has no cross-process lock: a second process opening a live data directory corrupts it
// (docs/stack-notes.md#one-process-per-data-directory). One process owns the directory; others get a clear error.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class EmbeddedDbLockedError extends Error {
  override name = "EmbeddedDbLockedError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describeHolder(lockPath: string): { pid: number; command: string } | undefined {
  try {
    const [pidLine, ...rest] = readFileSync(lockPath, "utf8").split("\n");
    const pid = Number(pidLine);
    return Number.isInteger(pid) && pid > 0 ? { pid, command: rest.join(" ").trim() } : undefined;
  } catch {
    return undefined;
  }
}

const held = new Set<string>();

/** Takes the lock for `dir` for the life of this process, or throws EmbeddedDbLockedError. */
export function lockEmbeddedDir(dir: string): void {
  const lockPath = `${dir}.lock`;
  if (held.has(lockPath)) return;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, `${process.pid}\n${process.argv.slice(1).join(" ")}\n`);
      closeSync(fd);
      held.add(lockPath);
      process.once("exit", () => releaseEmbeddedDir(dir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = describeHolder(lockPath);
      if (holder?.pid === process.pid) {
        held.add(lockPath);
        return;
      }
      if (holder && isAlive(holder.pid)) {
        const relative = path.relative(process.cwd(), dir) || dir;
        throw new EmbeddedDbLockedError(
          `The embedded database in ${relative} is in use by another process ` +
            `(pid ${holder.pid}${holder.command ? `: ${holder.command}` : ""}).\n` +
            `  PGlite allows one process at a time; a second one would corrupt it.\n` +
            `  Stop that process first (e.g. the dev server), or set DATABASE_URL to use Postgres.`,
        );
      }
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new EmbeddedDbLockedError(`Could not take the lock ${lockPath}.`);
}

export function releaseEmbeddedDir(dir: string): void {
  const lockPath = `${dir}.lock`;
  if (!held.delete(lockPath)) return;
  try {
    if (describeHolder(lockPath)?.pid === process.pid) unlinkSync(lockPath);
  } catch {
    // already gone
  }
}
