// Parses one knowledge file and validates it against the schema, reporting every problem with
// its line and the field's path so a coordinator can find it in the editor.
import { isAlias, isNode, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { knowledgeFile, type KnowledgeFile } from "./schema.js";

export interface Problem {
  file: string;
  line: number;
  /** The column, where the file is a table (a CSV of figures). */
  column?: number;
  /** The field's path in the file, e.g. "figures.ngo-grants.value". Empty for the whole file. */
  path: string;
  message: string;
}

export type PathSegment = string | number;

/** A parsed file that knows where each of its fields is, for later cross-file checks. */
export interface ParsedFile {
  file: string;
  data: KnowledgeFile;
  lineOf(path: readonly PathSegment[]): number;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}${p.column ? `:${p.column}` : ""}${p.path ? ` ${p.path}` : ""}: ${p.message}`;
}

export function parseKnowledgeFile(file: string, source: string): { parsed?: ParsedFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    problems.push({ file, line: lineCounter.linePos(err.pos[0]).line, path: "", message: firstLine(err.message) });
  }
  if (doc.errors.length) return { problems };

  const lineOf = (path: readonly PathSegment[]) => lineOfPath(doc, lineCounter, path);
  const js = toPlainData(doc, lineCounter);
  if ("problem" in js) return { problems: [{ file, ...js.problem }] };
  const result = knowledgeFile.safeParse(js.data);
  if (!result.success) {
    for (const issue of result.error.issues.flatMap(specific)) {
      const path = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
      const keys = issue.code === "unrecognized_keys" ? ` (${issue.keys.join(", ")})` : "";
      problems.push({ file, line: lineOf(path), path: path.join("."), message: issue.message + keys });
    }
    return { problems };
  }
  return { parsed: { file, data: result.data, lineOf }, problems };
}

/** Knowledge files have no use for more aliases than this; many more is a "billion laughs" file. */
const MAX_ALIASES = 100;

/**
 * The document as plain data. yaml's toJS throws (a ReferenceError) on an alias whose anchor is
 * missing or comes later, and on more alias uses than maxAliasCount; both become a problem at
 * the alias's line, and anything else it might throw becomes a problem at line 1, so a broken
 * file can never take the process down.
 */
function toPlainData(doc: Document, counter: LineCounter): { data: unknown } | { problem: Omit<Problem, "file"> } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (err) {
    let problem = { line: 1, path: "", message: firstLine(err instanceof Error ? err.message : String(err)) };
    const anchors = new Set<string>();
    let aliases = 0;
    // The first alias that is unresolved (its anchor not yet seen) or over the limit is the culprit.
    visit(doc, (_key, node) => {
      if (isNode(node) && node.anchor) anchors.add(node.anchor);
      if (!isAlias(node)) return undefined;
      const line = node.range ? counter.linePos(node.range[0]).line : 1;
      // Nested aliases can exceed the limit with few alias nodes: point at the first one then.
      if (aliases === 0) problem.line = line;
      if (!anchors.has(node.source)) problem = { line, path: "", message: `alias *${node.source} has no anchor &${node.source} before it` };
      else if (++aliases > MAX_ALIASES) problem = { line, path: "", message: `more than ${MAX_ALIASES} aliases (*name) in one file` };
      else return undefined;
      return visit.BREAK;
    });
    return { problem };
  }
}

type Issue = z.core.$ZodIssue;

/**
 * A value that may take several shapes (one fact or a list of them) fails as a whole; the branch
 * that got furthest says what is actually wrong ("figures.ngos.value: must be a number").
 */
function specific(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const depth = (branch: Issue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
  return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })).flatMap(specific);
}

/** The line of the deepest node that exists along the path (a missing field points at its parent). */
function lineOfPath(doc: Document, counter: LineCounter, path: readonly PathSegment[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
