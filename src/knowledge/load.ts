// Reads a knowledge directory into one validated Knowledge value, or the list of every problem.
// Checks that span files live here: duplicate ids, unknown sources, metrics, regions and related
// entries, and region names that two regions would both claim.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { regionNameForms } from "./name-forms.js";
import { type ParsedFile, type PathSegment, type Problem } from "./parse-file.js";
import { parseWithDiskCache } from "./parse-cache.js";
import type { Entry, LexiconFile, Metric, RegionFile, Source, StepsFile } from "./schema.js";

export type Region = RegionFile & { file: string };

export interface Knowledge {
  sources: Map<string, Source>;
  metrics: Metric[];
  regions: Region[];
  steps?: StepsFile;
  entries: Entry[];
  lexicon: LexiconFile;
  /** Files read, relative to the knowledge directory, with their text (for changes and undo). */
  files: string[];
  texts: Map<string, string>;
}

export type LoadResult = { ok: true; knowledge: Knowledge } | { ok: false; problems: Problem[] };

/**
 * Whether a path (relative to the knowledge directory) is a knowledge file: YAML, and not under a
 * hidden folder, so a knowledge repository's .git and CI files (.github/workflows/*.yml) are not read.
 */
export const isKnowledgePath = (file: string) => /\.ya?ml$/.test(file) && !file.split(/[\\/]/).some((part) => part.startsWith("."));

export function listKnowledgeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && isKnowledgePath(relative(dir, path))) out.push(path);
  }
  return out.sort();
}

/** A knowledge file is a few kilobytes; a much larger one is a mistake (or an attack on the parser). */
export const MAX_FILE_BYTES = 1_000_000;

/**
 * Every way knowledge is read (start, the watcher, `kb validate`, chat edits and uploads through
 * loadFromSources) ends here, and nothing here throws: a file that cannot be listed, read or
 * parsed is a problem with its file and line like any other.
 */
export function loadKnowledge(dir: string): LoadResult {
  let paths: string[];
  try {
    paths = listKnowledgeFiles(dir);
  } catch (err) {
    return { ok: false, problems: [{ file: dir, line: 1, path: "", message: (err as Error).message }] };
  }
  const problems: Problem[] = [];
  const files: Array<{ file: string; text: string }> = [];
  for (const p of paths) {
    const file = relative(dir, p);
    try {
      const size = statSync(p).size;
      if (size > MAX_FILE_BYTES) problems.push(...fileProblem(file, `the file is ${size} bytes; at most ${MAX_FILE_BYTES} are read`).problems);
      else files.push({ file, text: readFileSync(p, "utf8") });
    } catch (err) {
      // Removed or replaced between listing and reading (an editor's save), or unreadable.
      problems.push(...fileProblem(file, `cannot be read: ${(err as Error).message}`).problems);
    }
  }
  return problems.length ? { ok: false, problems } : loadFromSources(files);
}

/** Validates a set of files given as text (the directory's files, or them with one replaced). */
export function loadFromSources(files: Array<{ file: string; text: string }>): LoadResult {
  try {
    return check(files);
  } catch (err) {
    // A defect in a check must refuse the knowledge, never end the process that is serving it.
    return { ok: false, problems: [{ file: "(knowledge)", line: 1, path: "", message: `could not be checked: ${(err as Error).message}` }] };
  }
}

function check(files: Array<{ file: string; text: string }>): LoadResult {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  for (const { file, text } of files) {
    const r = parseCached(file, text);
    problems.push(...r.problems);
    if (r.parsed) parsed.push(r.parsed);
  }
  if (problems.length) return { ok: false, problems };

  const k: Knowledge = {
    sources: new Map(),
    metrics: [],
    regions: [],
    entries: [],
    files: files.map((f) => f.file),
    texts: new Map(files.map((f) => [f.file, f.text])),
    lexicon: undefined as never,
  };
  const at = (p: ParsedFile, path: PathSegment[], message: string) =>
    problems.push({ file: p.file, line: p.lineOf(path), path: path.join("."), message });
  const firstSeen = new Map<string, string>();
  const claimId = (p: ParsedFile, path: PathSegment[], id: string) => {
    const prev = firstSeen.get(id);
    if (prev) at(p, path, `duplicate id "${id}" (already used in ${prev})`);
    else firstSeen.set(id, p.file);
  };

  for (const p of parsed) {
    const d = p.data;
    if (d.kind === "sources") d.sources.forEach((s, i) => (claimId(p, ["sources", i, "id"], s.id), k.sources.set(s.id, s)));
    else if (d.kind === "metrics") d.metrics.forEach((m, i) => (claimId(p, ["metrics", i, "id"], m.id), k.metrics.push(m)));
    else if (d.kind === "region") (claimId(p, ["id"], d.id), k.regions.push({ ...d, file: p.file }));
    else if (d.kind === "entries") d.entries.forEach((e, i) => (claimId(p, ["entries", i, "id"], e.id), k.entries.push(e)));
    else if (d.kind === "steps") {
      if (k.steps) at(p, ["kind"], "a second steps file; the five steps live in one file");
      claimId(p, ["id"], d.id);
      k.steps = d;
    } else if (d.kind === "lexicon") {
      if (k.lexicon) at(p, ["kind"], "a second lexicon file");
      k.lexicon = d;
    }
  }
  if (!k.lexicon) problems.push({ file: "(knowledge)", line: 1, path: "", message: "no lexicon file (kind: lexicon)" });
  if (k.sources.size === 0) problems.push({ file: "(knowledge)", line: 1, path: "", message: "no sources file (kind: sources)" });
  if (problems.length) return { ok: false, problems };

  checkReferences(parsed, k, at);
  checkRegionNames(parsed, k, at);
  return problems.length ? { ok: false, problems } : { ok: true, knowledge: k };
}

type Parsed = ReturnType<typeof parseWithDiskCache>;

// Parsing YAML is most of a reload's work, and a reload usually follows an edit of one file:
// files whose text has not changed reuse their parse (the result is never mutated). A new
// process finds the parses of earlier ones on disk (parse-cache.ts).
const parseCache = new Map<string, Parsed>();
const PARSE_CACHE_MAX = 500;

function parseCached(file: string, text: string): Parsed {
  const key = `${file}\u0000${text}`;
  let r = parseCache.get(key);
  if (!r) {
    r = text.length > MAX_FILE_BYTES ? fileProblem(file, `the file is over ${MAX_FILE_BYTES} characters`) : parseSafely(file, text);
    if (parseCache.size >= PARSE_CACHE_MAX) parseCache.delete(parseCache.keys().next().value!);
    parseCache.set(key, r);
  }
  return r;
}

function parseSafely(file: string, text: string): Parsed {
  try {
    return parseWithDiskCache(file, text);
  } catch (err) {
    return fileProblem(file, `cannot be parsed: ${(err as Error).message}`);
  }
}

const fileProblem = (file: string, message: string) => ({ problems: [{ file, line: 1, path: "", message }] });

type At = (p: ParsedFile, path: PathSegment[], message: string) => void;

function checkReferences(parsed: ParsedFile[], k: Knowledge, at: At): void {
  const regionIds = new Set(k.regions.map((r) => r.id));
  const entryIds = new Set([...k.entries.map((e) => e.id), ...(k.steps ? [k.steps.id] : [])]);
  const metricIds = new Set(k.metrics.map((m) => m.id));
  for (const p of parsed) {
    const d = p.data;
    if (d.kind !== "sources")
      for (const { ref, path } of sourceRefs(d)) if (!k.sources.has(ref)) at(p, path, `unknown source "${ref}" (known: ${[...k.sources.keys()].join(", ")})`);
    if (d.kind === "region")
      for (const m of Object.keys(d.figures)) if (!metricIds.has(m)) at(p, ["figures", m], `unknown figure "${m}" (known: ${[...metricIds].join(", ")})`);
    if (d.kind === "entries")
      d.entries.forEach((e, i) => {
        e.regions.forEach((r, j) => regionIds.has(r) || at(p, ["entries", i, "regions", j], `unknown region "${r}"`));
        e.related.forEach((r, j) => entryIds.has(r) || at(p, ["entries", i, "related", j], `unknown entry "${r}"`));
      });
    if (d.kind === "lexicon")
      d.ambiguous.forEach((a, i) =>
        a.regions.forEach((r, j) => regionIds.has(r) || at(p, ["ambiguous", i, "regions", j], `unknown region "${r}"`)),
      );
  }
}

type SourceRef = { ref: string; path: PathSegment[] };
// A file whose text did not change keeps its parsed data (parseCached), and so its references.
const refsOf = new WeakMap<object, SourceRef[]>();

/** Every "source"/"sources" value in a file, wherever it sits: each must name a known source. */
function sourceRefs(data: object): SourceRef[] {
  let refs = refsOf.get(data);
  if (refs) return refs;
  const found: SourceRef[] = [];
  const walk = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (!value || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value)) {
      const named = key === "source" ? [v] : key === "sources" && path.length > 0 && Array.isArray(v) && typeof v[0] === "string" ? v : [];
      named.forEach((ref, i) => typeof ref === "string" && found.push({ ref, path: key === "source" ? [...path, key] : [...path, key, i] }));
      walk(v, [...path, key]);
    }
  };
  walk(data, []);
  refsOf.set(data, (refs = found));
  return refs;
}

/** Two regions must never claim the same written form, or a question would silently pick one. */
function checkRegionNames(parsed: ParsedFile[], k: Knowledge, at: At): void {
  const owner = new Map<string, string>();
  for (const region of k.regions) {
    const p = parsed.find((f) => f.file === region.file)!;
    for (const form of regionNameForms(region)) {
      const other = owner.get(form.key);
      if (other && other !== region.id) at(p, ["names"], `the name "${form.written}" is also a name of region "${other}"`);
      else owner.set(form.key, region.id);
    }
  }
}
