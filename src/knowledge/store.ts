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

/** Loads and compiles; never throws (a failure to compile is a problem like a broken file). */
function loadCompiled(dir: string, version: number): { ok: true; compiled: Compiled } | { ok: false; problems: Problem[] } {
  const r = loadKnowledge(dir);
  if (!r.ok) return r;
  try {
    return { ok: true, compiled: compileKnowledge(r.knowledge, version) };
  } catch (err) {
    return { ok: false, problems: [{ file: "(knowledge)", line: 1, path: "", message: `could not be prepared for answering: ${(err as Error).message}` }] };
  }
}

/** Loads dir at once; throws KnowledgeError when the first load fails (there is nothing to serve). */
export function createKnowledgeStore(dir: string): KnowledgeStore {
  const first = loadCompiled(dir, 1);
  if (!first.ok) throw new KnowledgeError(first.problems);
  let compiled = first.compiled;
  return {
    dir,
    current: () => compiled,
    reload() {
      const r = loadCompiled(dir, compiled.version + 1);
      if (r.ok) compiled = r.compiled;
      return r;
    },
  };
}
