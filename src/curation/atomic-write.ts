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

/** A file's new text; an empty text means the file should not exist (a new file taken back). */
function put(dir: string, file: string, text: string, hooks?: WriteHooks): void {
  if (text === "") rmSync(join(dir, file), { force: true });
  else writeFileAtomic(join(dir, file), text, hooks);
}

/**
 * Writes every file of a change, each atomically. If one cannot be written, those already written
 * get their old text back before the error is thrown: a change is on disk whole or not at all
 * (reconcile.ts does the same after a crash in the middle).
 */
export function writeFilesAtomic(dir: string, files: ReadonlyArray<{ file: string; before: string; after: string }>, hooks?: WriteHooks): void {
  const written: typeof files[number][] = [];
  try {
    for (const f of files) {
      put(dir, f.file, f.after, hooks);
      written.push(f);
    }
  } catch (err) {
    restoreFiles(dir, written);
    throw err;
  }
}

/** Puts the files' old texts back (removing files the change created). */
export function restoreFiles(dir: string, files: ReadonlyArray<{ file: string; before: string }>): void {
  for (const f of [...files].reverse()) put(dir, f.file, f.before);
}
