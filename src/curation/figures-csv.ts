// The region table as a spreadsheet: every region's figures as CSV rows (with their source and
// date) for `kb export --csv`, and a CSV of such rows turned back into edits of the region files
// for `kb import` and for a CSV a coordinator uploads in chat. Rows update figures or add them;
// a figure missing from the file stays as it is (removing one is a YAML edit). Every row is
// checked before anything is planned, and a problem names its file, row and column.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Knowledge } from "../knowledge/load.js";
import type { Problem } from "../knowledge/parse-file.js";
import { isoDate, type Fact } from "../knowledge/schema.js";
import { pick } from "../answers/reply-builder.js";
import { setFigure } from "./edit-yaml.js";
import type { FileChange } from "./state.js";

/** The columns written; region, figure, value and source are read back (the names are for people). */
export const CSV_COLUMNS = ["region", "region_name", "figure", "figure_name", "unit", "value", "approx", "source", "as_of"] as const;
const REQUIRED = ["region", "figure", "value", "source"] as const;

/** Every region's figures, one row a fact, in the order of the region files. */
export function figuresToCsv(k: Knowledge): string {
  const rows: string[][] = [];
  for (const r of k.regions) {
    for (const m of k.metrics) {
      const raw = r.figures[m.id];
      for (const f of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
        rows.push([r.id, r.names.fi, m.id, pick(m.name, "fi").text, m.unit, String(f.value), f.approx ? "true" : "", f.source, f.as_of ?? ""]);
      }
    }
  }
  return stringify([[...CSV_COLUMNS], ...rows]);
}

const TRUE = new Set(["true", "yes", "kyllä", "ja", "x", "1"]);
const FALSE = new Set(["", "false", "no", "ei", "nej", "0"]);

/** "1700000", "1 700 000", "2,5" (a spreadsheet's decimal comma) or "2.5"; undefined for anything else. */
export function csvNumber(text: string): number | undefined {
  const t = text.trim().replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, "$1");
  return /^-?\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : undefined;
}

type Row = { line: number; region: string; figure: string; fact: Fact };

/** The rows, checked against the knowledge; or every problem found. */
export function readFiguresCsv(name: string, text: string, k: Knowledge): { rows: Row[] } | { problems: Problem[] } {
  const problem = (line: number, message: string, column?: number, path = ""): Problem => ({ file: name, line, ...(column ? { column } : {}), path, message });
  // Spreadsheets in a Finnish or Swedish locale separate with ";" (the comma is their decimal mark).
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, delimiter, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (err) {
    return { problems: [problem((err as { lines?: number }).lines ?? 1, `not a readable CSV file: ${(err as Error).message}`)] };
  }
  const [head, ...body] = records;
  const columns = (head?.record ?? []).map((c) => c.toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (!head || missing.length) return { problems: [problem(1, `the first row must name the columns ${REQUIRED.join(", ")} (missing: ${missing.join(", ")}); kb export --csv writes them`)] };
  const col = (c: string) => columns.indexOf(c);
  const problems: Problem[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (c: string) => (col(c) >= 0 ? (record[col(c)] ?? "") : "");
    const bad = (c: string, message: string) => problems.push(problem(line, message, col(c) + 1, c));
    const region = k.regions.find((r) => r.id === cell("region"));
    const metric = k.metrics.find((m) => m.id === cell("figure"));
    const value = csvNumber(cell("value"));
    const approx = cell("approx").toLowerCase();
    const asOf = cell("as_of");
    if (!region) bad("region", `unknown region "${cell("region")}" (known: ${k.regions.map((r) => r.id).join(", ")})`);
    if (!metric) bad("figure", `unknown figure "${cell("figure")}" (known: ${k.metrics.map((m) => m.id).join(", ")})`);
    if (value === undefined) bad("value", `value must be a number (write 1700000 or 1 700 000, not "${cell("value")}")`);
    if (!k.sources.has(cell("source"))) bad("source", `unknown source "${cell("source")}" (known: ${[...k.sources.keys()].join(", ")})`);
    if (asOf && !isoDate.safeParse(asOf).success) bad("as_of", `a date is written 2023, 2023-05 or 2023-05-16 (not "${asOf}")`);
    if (col("approx") >= 0 && !TRUE.has(approx) && !FALSE.has(approx)) bad("approx", `approx is true or empty (not "${cell("approx")}")`);
    const key = [cell("region"), cell("figure"), cell("source"), asOf].join("|");
    if (seen.has(key)) bad("region", `the same figure, source and date as row ${seen.get(key)}`);
    seen.set(key, line);
    if (!region || !metric || value === undefined) continue;
    const fact: Fact = { value, source: cell("source"), ...(asOf ? { as_of: asOf } : {}), ...(col("approx") >= 0 ? { approx: TRUE.has(approx) } : {}) };
    rows.push({ line, region: region.id, figure: metric.id, fact });
  }
  return problems.length ? { problems } : { rows };
}

/** The region files the CSV changes (only those where a figure differs), or its problems. */
export function planFiguresCsv(name: string, text: string, k: Knowledge, readFile: (file: string) => string): { files: FileChange[] } | { problems: Problem[] } {
  const read = readFiguresCsv(name, text, k);
  if ("problems" in read) return read;
  const files: FileChange[] = [];
  for (const region of k.regions) {
    // A row that says what the file says already is left alone: the file is rewritten only for a change.
    const changed = read.rows.filter((r) => r.region === region.id && !sameFact(region.figures[r.figure], r.fact));
    if (!changed.length) continue;
    const before = readFile(region.file);
    files.push({ file: region.file, before, after: changed.reduce((t, r) => setFigure(t, r.figure, r.fact), before) });
  }
  return { files };
}

function sameFact(held: Fact | Fact[] | undefined, row: Fact): boolean {
  const old = (held === undefined ? [] : Array.isArray(held) ? held : [held]).find((f) => f.source === row.source && f.as_of === row.as_of);
  return old !== undefined && old.value === row.value && (row.approx === undefined || row.approx === Boolean(old.approx));
}
