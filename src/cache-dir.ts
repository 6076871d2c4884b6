// What one process derives from files and the next may reuse (parsed knowledge files, stems) is
// kept in a directory under the system's temporary directory. These files are only shortcuts:
// when one cannot be read or written, the work is simply done again.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

// Per user: another user's cache is neither trusted nor overwritten. (os.userInfo() throws for a
// user without a passwd entry, as in some containers; the uid is always there.)
export const cacheDir = (part: string) => join(tmpdir(), `jarjestobotti-${process.getuid?.() ?? "user"}`, part);

/** Writes a cache file whole (a reader sees the old file or the new, never half); failures are ignored. */
export function writeCacheFile(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch {
    // A read-only or full temporary directory only means no shortcut next time.
  }
}

/**
 * A hash of what decides a cached result: the versions of the packages and the text of the source
 * files that make it (paths relative to this directory, src/). Throws when one cannot be read.
 */
export function codeFingerprint(packages: string[], sources: string[]): string {
  const require = createRequire(import.meta.url);
  const hash = createHash("sha256");
  for (const pkg of packages) hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}\0`);
  for (const file of sources) hash.update(`${file}\0`).update(readFileSync(new URL(`./${file}`, import.meta.url))).update("\0");
  return hash.digest("hex");
}
