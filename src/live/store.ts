// The live knowledge: loaded and compiled at start, replaced only by a newer version that passes
// every check. A broken file is reported and the last good knowledge keeps serving.
import { createHash } from "node:crypto";
import { createUnderstander, type Understander } from "../understanding/understand.js";
import { loadKnowledge, type Knowledge } from "../knowledge/load.js";
import { formatProblem, type Problem } from "../knowledge/parse-file.js";

/** Knowledge plus what is derived from it once per version (name tables, word index). */
export interface Compiled {
  knowledge: Knowledge;
  understander: Understander;
  /**
   * Which knowledge this is, from its files' names and texts: the same files give the same version
   * on every instance, so a conversation saved by one instance is read by another only when both
   * serve the same knowledge.
   */
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

/** 48 bits of the SHA-256 of the files (a whole number JavaScript holds exactly). */
export function contentVersion(k: Knowledge): number {
  const hash = createHash("sha256");
  for (const file of [...k.files].sort()) hash.update(`${file}\0${k.texts.get(file) ?? ""}\0`);
  return parseInt(hash.digest("hex").slice(0, 12), 16);
}

/** Loads and compiles; never throws (a failure to compile is a problem like a broken file). */
function loadCompiled(dir: string): { ok: true; compiled: Compiled } | { ok: false; problems: Problem[] } {
  const r = loadKnowledge(dir);
  if (!r.ok) return r;
  try {
    return { ok: true, compiled: compileKnowledge(r.knowledge, contentVersion(r.knowledge)) };
  } catch (err) {
    return { ok: false, problems: [{ file: "(knowledge)", line: 1, path: "", message: `could not be prepared for answering: ${(err as Error).message}` }] };
  }
}

/** Loads dir at once; throws KnowledgeError when the first load fails (there is nothing to serve). */
export function createKnowledgeStore(dir: string): KnowledgeStore {
  const first = loadCompiled(dir);
  if (!first.ok) throw new KnowledgeError(first.problems);
  let compiled = first.compiled;
  return {
    dir,
    current: () => compiled,
    reload() {
      const r = loadCompiled(dir);
      if (r.ok) compiled = r.compiled;
      return r;
    },
  };
}
