// Writes a file so that readers (and a process that dies midway) see either the old content or
// the new, never half of it: write a temporary file beside it, flush it to disk, then rename.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Steps a test may interrupt, to show that an interrupted write leaves the old file intact. */
export interface WriteHooks {
  afterTempWritten?(tempPath: string): void;
}

export function writeFileAtomic(path: string, content: string, hooks: WriteHooks = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, "w", 0o644);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.afterTempWritten?.(temp);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  // The rename itself is made durable by flushing the directory entry.
  try {
    const dirFd = openSync(dirname(path), "r");
    fsyncSync(dirFd);
    closeSync(dirFd);
  } catch {
    /* some file systems cannot fsync a directory; the rename is still atomic */
  }
}
