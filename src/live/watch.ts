// Watches the knowledge directory so that coordinators' file edits are served without a restart.
// Editors write a file in several steps (truncate, write, rename), so changes are gathered for a
// short moment and the directory is reloaded once; a broken state never replaces good knowledge.
import { watch, type FSWatcher } from "node:fs";
import type { Problem } from "../knowledge/parse-file.js";
import type { Compiled, KnowledgeStore } from "./store.js";

export interface WatchEvents {
  reloaded(before: Compiled, after: Compiled, ms: number): void;
  refused(problems: Problem[]): void;
}

export function watchKnowledge(store: KnowledgeStore, events: WatchEvents, settleMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    const before = store.current();
    const started = performance.now();
    const r = store.reload();
    if (r.ok) events.reloaded(before, r.compiled, performance.now() - started);
    else events.refused(r.problems);
  };
  const watcher: FSWatcher = watch(store.dir, { recursive: true }, (_event, file) => {
    if (file && !/\.ya?ml$/.test(String(file))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
  });
  // Without a listener, a watcher error (the directory removed or unmounted) is thrown and ends
  // the process; the last good knowledge keeps serving instead, and coordinators are told.
  watcher.on("error", (err) => events.refused([{ file: store.dir, line: 1, path: "", message: `the directory can no longer be watched: ${err.message}` }]));
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
