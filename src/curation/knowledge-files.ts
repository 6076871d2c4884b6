// Where confirmed changes go and where the history comes from: the local knowledge directory
// (files written atomically, history in the database) or a git repository (adapters/git/commit-changes.ts: commits
// pushed to a branch, history from git log). The curator decides what a change is and who may
// make it; this decides how it reaches the files every instance serves.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem, type Problem } from "../knowledge/parse-file.js";
import type { Compiled, KnowledgeStore } from "../live/store.js";
import { restoreFiles, writeFilesAtomic, type WriteHooks } from "./atomic-write.js";
import { reconcileChanges } from "./reconcile.js";
import type { Change, HistoryRecord, StateStore } from "./state.js";

export type Written =
  | { ok: true; compiled: Compiled; at: Date; commit?: string }
  /** Nothing changed and the change may be confirmed again (a full disk, an unreachable repository). */
  | { ok: false; kind: "retry"; reason: string }
  /** Nothing changed and the change cannot be made as it is. */
  | { ok: false; kind: "conflict" }
  | { ok: false; kind: "invalid"; problems: Problem[] }
  /** The repository refused it (a protected branch, a hook); its own words. */
  | { ok: false; kind: "refused"; reason: string };

export interface KnowledgeFiles {
  /** The text a file has in the knowledge being served ("" when there is none). */
  text(file: string): string;
  /** Makes a confirmed change (recorded as "writing" already) the knowledge every instance serves. */
  write(change: Change, confirmedBy: string | undefined): Promise<Written>;
  /** Newest first; the texts (before, after) may be left empty here: historyRecord reads them. */
  history(limit: number): Promise<HistoryRecord[]>;
  /** One change with the texts of every file it wrote. */
  historyRecord(id: string): Promise<HistoryRecord | undefined>;
  /** Whether edits that arrive as files (not from chat) are recorded in the database's history. */
  readonly recordsFileEdits: boolean;
  /** Settles changes a stopped process left "writing"; returns the ids applied and failed. */
  settle(now: Date): Promise<{ applied: string[]; failed: string[] }>;
}

/** Today's knowledge directory: atomic writes (every file of a change, or none), history in the database. */
export function localFiles(store: KnowledgeStore, state: StateStore, log: (event: string, context: Record<string, unknown>) => void, hooks?: WriteHooks): KnowledgeFiles {
  const path = (file: string) => join(store.dir, file);
  return {
    text: (file) => (existsSync(path(file)) ? readFileSync(path(file), "utf8") : ""),
    async write(change) {
      try {
        writeFilesAtomic(store.dir, change.files, hooks);
      } catch (err) {
        return { ok: false, kind: "retry", reason: (err as { code?: string }).code ?? (err as Error).message };
      }
      const reloaded = store.reload();
      if (reloaded.ok) return { ok: true, compiled: reloaded.compiled, at: new Date() };
      // Checked before, so only a concurrent edit of another file gets here: put the files back.
      restoreFiles(store.dir, change.files);
      log("change not served", { id: change.id, problems: reloaded.problems.map(formatProblem) });
      return { ok: false, kind: "invalid", problems: reloaded.problems };
    },
    history: (limit) => state.history(limit),
    historyRecord: (id) => state.historyRecord(id),
    recordsFileEdits: true,
    // One instance owns the directory, so what its last stop left is settled at its start.
    settle: (now) => reconcileChanges(state, store.dir, now, log),
  };
}
