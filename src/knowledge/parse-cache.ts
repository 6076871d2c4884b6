// Parsing YAML and checking it against the schema is most of the time a start spends reading the
// knowledge, and the files rarely change between starts. A file that parsed cleanly is kept, as
// the checked data, in a cache directory keyed by a hash of its name, its text, and the code and
// packages that read it (the schema, the checks, zod and the YAML parser): the next process (a start, `ask`, `kb validate`) reads that JSON
// instead. A file with problems is never cached, so its problems are always reported afresh, and
// a cached file's line numbers come from parsing it again only when a cross-file check needs one.
// The cache is only a shortcut: when it cannot be read or written, files are parsed as before.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, codeFingerprint, writeCacheFile } from "../cache-dir.js";
import { parseKnowledgeFile, type ParsedFile, type Problem } from "./parse-file.js";
import type { KnowledgeFile } from "./schema.js";

type Parse = { parsed?: ParsedFile; problems: Problem[] };

let fingerprint: string | undefined;
/**
 * What decides how a text parses: the schema, the checks and their packages. (Their source text
 * rather than the schema turned into JSON Schema, which took a start some 15 ms.)
 */
const readerFingerprint = () => (fingerprint ??= codeFingerprint(["yaml", "zod"], ["knowledge/schema.ts", "knowledge/parse-file.ts", "text/language.ts"]));

/** The file parsed and checked: from the cache when this very text was read before. */
export function parseWithDiskCache(file: string, text: string, dir = cacheDir("parsed")): Parse {
  let path: string | undefined;
  try {
    const key = createHash("sha256").update(readerFingerprint()).update("\0").update(file).update("\0").update(text).digest("hex");
    path = join(dir, `${key}.json`);
    const data = JSON.parse(readFileSync(path, "utf8")) as KnowledgeFile;
    // Line numbers are only wanted for a problem, which is rare: parse again then.
    let lineOf: ParsedFile["lineOf"] | undefined;
    return { parsed: { file, data, lineOf: (p) => (lineOf ??= parseKnowledgeFile(file, text).parsed?.lineOf ?? (() => 1))(p) }, problems: [] };
  } catch {
    // Not cached yet (or unreadable): parse, and keep a clean result for next time.
  }
  const r = parseKnowledgeFile(file, text);
  if (r.parsed && path) writeCacheFile(path, JSON.stringify(r.parsed.data));
  return r;
}
