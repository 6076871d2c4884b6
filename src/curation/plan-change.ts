// Turns a coordinator's command into the new text of the knowledge files it changes (one, or the
// region files a spreadsheet of figures touches), or a reason why not.
// Region and figure names are read with the bot's own understanding ("Pirkanmaan", "Pirha").
import { parse } from "yaml";
import type { Compiled } from "../live/store.js";
import { STATUSES, STRUCTURE_TYPES, type Language } from "../knowledge/schema.js";
import type { Command } from "./commands.js";
import { CURATION } from "./curation-phrases.js";
import { formatProblem } from "../knowledge/parse-file.js";
import { addHighlight, setFigure, upsertStructure } from "./edit-yaml.js";
import { planFiguresCsv } from "./figures-csv.js";
import type { FileChange } from "./state.js";

export interface PlannedChange {
  /** Each file with its text when the change was planned: confirming checks nobody changed it since. */
  files: FileChange[];
}
const one = (file: string, before: string, after: string): PlannedChange => ({ files: [{ file, before, after }] });

type Result = PlannedChange | { error: string; details?: string[] };

export function planChange(c: Command, compiled: Compiled, lang: Language, readFile: (file: string) => string): Result {
  const p = CURATION[lang];
  const k = compiled.knowledge;
  const findRegion = (text: string) => {
    const ids = [...new Set(compiled.understander.understand(text).regions.filter((m) => m.ids.length === 1).map((m) => m.ids[0]!))];
    return ids.length === 1 ? k.regions.find((r) => r.id === ids[0]) : undefined;
  };
  const checkSource = (source: string) => (k.sources.has(source) ? undefined : { error: p.unknownSource(source), details: [...k.sources.keys()] });

  switch (c.kind) {
    case "figure": {
      const region = findRegion(c.target);
      const metrics = compiled.understander.understand(c.target).metrics;
      if (!region) return { error: p.whichRegion };
      if (metrics.length !== 1) return { error: p.whichFigure, details: k.metrics.map((m) => m.id) };
      if (c.value === undefined) return { error: p.notANumber };
      const bad = checkSource(c.source);
      if (bad) return bad;
      const before = readFile(region.file);
      const fact = { value: c.value, source: c.source, ...(c.asOf ? { as_of: c.asOf } : {}) };
      return one(region.file, before, setFigure(before, metrics[0]!, fact));
    }
    case "structure": {
      const [where = "", type = "", status = "", name = "", description] = c.fields;
      const region = findRegion(where);
      if (!region) return { error: p.whichRegion };
      if (!(STRUCTURE_TYPES as readonly string[]).includes(type)) return { error: p.badType(type), details: [...STRUCTURE_TYPES] };
      if (!(STATUSES as readonly string[]).includes(status)) return { error: p.badStatus(status), details: [...STATUSES] };
      if (!name) return { error: p.usage };
      const bad = checkSource(c.source);
      if (bad) return bad;
      const before = readFile(region.file);
      const after = upsertStructure(before, { type, status, name, ...(description ? { description } : {}), source: c.source });
      return one(region.file, before, after);
    }
    case "highlight": {
      const [where = "", text = ""] = c.fields;
      const region = findRegion(where);
      if (!region) return { error: p.whichRegion };
      if (!text) return { error: p.usage };
      const bad = checkSource(c.source);
      if (bad) return bad;
      const before = readFile(region.file);
      return one(region.file, before, addHighlight(before, text, c.source));
    }
    case "upload": {
      // A plain name only: no directories, no backslashes, no hidden files, nothing to escape with.
      if (!/^[a-z0-9][a-z0-9_-]*\.(ya?ml|csv)$/i.test(c.name)) return { error: p.badFileName(c.name) };
      // A spreadsheet of figures: rows for the region files, checked the way `kb import` checks them.
      if (/\.csv$/i.test(c.name)) {
        const planned = planFiguresCsv(c.name, c.text, k, readFile);
        return "problems" in planned ? { error: p.invalid, details: planned.problems.map(formatProblem) } : planned;
      }
      let data: { kind?: unknown; id?: unknown } | undefined;
      try {
        data = parse(c.text) as typeof data;
      } catch (err) {
        return { error: p.invalid, details: [`${c.name}: ${(err as Error).message.split("\n")[0]}`] };
      }
      // The id names the new file, so it must be a plain id too.
      const isRegion = data?.kind === "region" && typeof data.id === "string" && /^[a-z0-9][a-z0-9-]*$/.test(data.id);
      const existing = k.files.find((f) => f.split(/[/\\]/).pop() === c.name);
      const file = existing ?? (isRegion ? `regions/${String(data!.id)}.yaml` : `topics/${c.name}`);
      return one(file, readFile(file), c.text);
    }
    default:
      return { error: p.usage };
  }
}
