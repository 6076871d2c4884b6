// Parsing YAML and checking it against the schema is most of the time a start spends reading the
// knowledge, and the files rarely change between starts. A file that parsed cleanly is kept, as
// the checked data, in a cache directory keyed by a hash of its name, its text, and the schema
// and YAML parser that read it: the next process (a start, `ask`, `kb validate`) reads that JSON
// instead. A file with problems is never cached, so its problems are always reported afresh, and
// a cached file's line numbers come from parsing it again only when a cross-file check needs one.
// The cache is only a shortcut: when it cannot be read or written, files are parsed as before.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { knowledgeJsonSchema } from "./json-schema.js";
import { parseKnowledgeFile, type ParsedFile, type Problem } from "./parse-file.js";
import type { KnowledgeFile } from "./schema.js";

type Parse = { parsed?: ParsedFile; problems: Problem[] };

let fingerprint: string | undefined;
/** What decides how a text parses: the schema (as JSON Schema) and the YAML parser's version. */
function readerFingerprint(): string {
  const yamlVersion = (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
  fingerprint ??= createHash("sha256").update(JSON.stringify(knowledgeJsonSchema())).update(yamlVersion).digest("hex");
  return fingerprint;
}

// Per user: another user's cache is neither trusted nor overwritten. (os.userInfo() throws for a
// user without a passwd entry, as in some containers; the uid is always there.)
const cacheDir = () => join(tmpdir(), `jarjestobotti-${process.getuid?.() ?? "user"}`, "parsed");

/** The file parsed and checked: from the cache when this very text was read before. */
export function parseWithDiskCache(file: string, text: string, dir = cacheDir()): Parse {
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
  if (r.parsed && path) {
    try {
      mkdirSync(dir, { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(r.parsed.data));
      renameSync(temp, path);
    } catch {
      // A read-only or full temporary directory only means no shortcut next time.
    }
  }
  return r;
}
