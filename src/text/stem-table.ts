// Stemming the knowledge's words is most of what a new process spends before its first answer:
// every knowledge word in some thirty Finnish forms, in three languages, through Snowball. A
// word's canonical stem depends only on the word, the stemmer packages and the two files that
// apply them (stem.ts, terms.ts), so the stems of the words the knowledge was prepared with are
// kept on disk under a hash of those, and the next process reads them instead.
// Only words met while preparing the knowledge are kept (withKnowledgeStems), never a question's:
// nobody's question is written to disk. A table that cannot be read, or is not a table, is
// ignored, and written afresh once new stems are made.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, codeFingerprint, writeCacheFile } from "../cache-dir.js";
import type { Language } from "./language.js";

type Stems = Record<Language, Map<string, string>>;
const emptyStems = (): Stems => ({ fi: new Map(), sv: new Map(), en: new Map() });

/** More than a knowledge many times today's: past this, a table keeps only this process's words. */
const MAX_WORDS = 200_000;

/** The table read from disk (and where from), and the stems made while preparing knowledge since. */
let table: { dir: string; path: string; stored: Stems; made: Stems; size: number } | undefined;
/** Set while knowledge is being prepared: stems made then are kept. */
let preparing = false;

let fingerprint: string | null | undefined;
/** What decides a stem: the Snowball packages and the code that applies them; null when one is missing (no table then). */
function stemmerFingerprint(): string | null {
  if (fingerprint === undefined) {
    try {
      fingerprint = codeFingerprint(["@nlpjs/core", "@nlpjs/lang-fi", "@nlpjs/lang-sv", "@nlpjs/lang-en-min"], ["text/stem.ts", "text/terms.ts"]);
    } catch {
      fingerprint = null;
    }
  }
  return fingerprint;
}

function read(path: string): Stems {
  const stems = emptyStems();
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Record<Language, unknown>;
    for (const lang of ["fi", "sv", "en"] as const) {
      const pairs = data[lang];
      if (!Array.isArray(pairs) || pairs.length % 2 !== 0 || !pairs.every((x) => typeof x === "string")) return emptyStems();
      for (let i = 0; i < pairs.length; i += 2) stems[lang].set(pairs[i] as string, pairs[i + 1] as string);
    }
    return stems;
  } catch {
    return emptyStems(); // not written yet, or not readable: stems are made as before
  }
}

/** Opens the table in `dir` (once per process and directory). */
function open(dir: string): typeof table {
  if (table?.dir !== dir) {
    const name = stemmerFingerprint();
    if (name === null) return undefined;
    const path = join(dir, `${name}.json`);
    const stored = read(path);
    table = { dir, path, stored, made: emptyStems(), size: stored.fi.size + stored.sv.size + stored.en.size };
  }
  return table;
}

/** A word's canonical stem as the table has it, if it does. */
export function storedStem(word: string, lang: Language): string | undefined {
  return table?.stored[lang].get(word);
}

/** Notes a stem just made: kept for the next process when it was made while preparing knowledge. */
export function madeStem(word: string, lang: Language, stem: string): void {
  if (preparing && table && !table.stored[lang].has(word)) table.made[lang].set(word, stem);
}

/**
 * Prepares knowledge (builds a vocabulary or an index) with the stems kept by earlier processes,
 * and keeps the stems it had to make for the next.
 */
export function withKnowledgeStems<T>(prepare: () => T, dir = cacheDir("stems")): T {
  if (preparing) return prepare();
  const t = open(dir);
  const before = t ? t.made.fi.size + t.made.sv.size + t.made.en.size : 0;
  preparing = true;
  try {
    return prepare();
  } finally {
    preparing = false;
    if (t && t.made.fi.size + t.made.sv.size + t.made.en.size > before) save(t);
  }
}

function save(t: NonNullable<typeof table>): void {
  const made = t.made.fi.size + t.made.sv.size + t.made.en.size;
  const keepStored = t.size + made <= MAX_WORDS;
  const out: Record<Language, string[]> = { fi: [], sv: [], en: [] };
  for (const lang of ["fi", "sv", "en"] as const) {
    for (const source of keepStored ? [t.stored[lang], t.made[lang]] : [t.made[lang]]) for (const [w, s] of source) out[lang].push(w, s);
  }
  writeCacheFile(t.path, JSON.stringify(out));
}
