// The live knowledge: loaded and compiled at start, replaced only by a newer version that passes
// every check. A broken file is reported and the last good knowledge keeps serving.
import { createUnderstander, type Understander } from "../understanding/understand.js";
import { loadKnowledge, type Knowledge } from "./load.js";
import { formatProblem, type Problem } from "./parse-file.js";

/** Knowledge plus what is derived from it once per version (name tables, word index). */
export interface Compiled {
  knowledge: Knowledge;
  understander: Understander;
  version: number;
  loadedAt: Date;
}

export interface KnowledgeStore {
  readonly dir: string;
  current(): Compiled;
  /** Re-reads the directory; on problems the current knowledge stays and the problems are returned. */
  reload(): { ok: true; compiled: Compiled } | { ok: false; problems: Problem[] };
}

export class KnowledgeError extends Error {
  override name = "KnowledgeError";
  constructor(readonly problems: Problem[]) {
    super(`the knowledge has ${problems.length} problem(s):\n` + problems.map(formatProblem).join("\n"));
  }
}

export function compileKnowledge(knowledge: Knowledge, version: number): Compiled {
  return { knowledge, understander: createUnderstander(knowledge), version, loadedAt: new Date() };
}

/** Loads dir at once; throws KnowledgeError when the first load fails (there is nothing to serve). */
export function createKnowledgeStore(dir: string): KnowledgeStore {
  const first = loadKnowledge(dir);
  if (!first.ok) throw new KnowledgeError(first.problems);
  let compiled = compileKnowledge(first.knowledge, 1);
  return {
    dir,
    current: () => compiled,
    reload() {
      const r = loadKnowledge(dir);
      if (!r.ok) return { ok: false, problems: r.problems };
      compiled = compileKnowledge(r.knowledge, compiled.version + 1);
      return { ok: true, compiled };
    },
  };
}
