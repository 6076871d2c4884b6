// At start, settles the changes a crash left between "writing" (recorded before the file was
// written) and "applied" (recorded after): the file on disk says which way it went. Together with
// the order in curator.ts this keeps the invariant the history depends on: every chat change on
// disk has its record, and every applied record's change reached the disk.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { restoreFiles } from "./atomic-write.js";
import type { StateStore } from "./state.js";

export interface Reconciled {
  applied: string[];
  failed: string[];
}

export async function reconcileChanges(state: StateStore, knowledgeDir: string, now: Date, log: (event: string, context: Record<string, unknown>) => void): Promise<Reconciled> {
  const result: Reconciled = { applied: [], failed: [] };
  for (const change of await state.unfinished()) {
    const disk = (file: string) => (existsSync(join(knowledgeDir, file)) ? readFileSync(join(knowledgeDir, file), "utf8") : "");
    const written = change.files.filter((f) => disk(f.file) === f.after);
    if (written.length === change.files.length) {
      await state.markApplied(change.id, now);
      result.applied.push(change.id);
    } else {
      // Still the old text (the crash came before a rename), or someone has edited a file since:
      // this change is not what is on disk. Files of it that were written get their old text
      // back, so a change of several files is never left half done.
      restoreFiles(knowledgeDir, written);
      await state.markFailed(change.id);
      result.failed.push(change.id);
    }
  }
  removeOrphanTemps(knowledgeDir);
  if (result.applied.length || result.failed.length) log("changes interrupted by a stop settled", { ...result });
  return result;
}

/** Temporary files of writes a crash interrupted (atomic-write.ts names them ".<file>.<pid>.<ms>.tmp"). */
function removeOrphanTemps(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /^\..+\.\d+\.\d+\.tmp$/.test(entry.name)) rmSync(join(entry.parentPath, entry.name), { force: true });
  }
}
