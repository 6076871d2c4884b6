// A topic or concept entry: its summary, points and figures (where two sources disagree, the
// newest is shown as the figure and the other one named beside it), with related entries offered.
import type { Knowledge } from "../knowledge/load.js";
import type { LabelledFact } from "../knowledge/schema.js";
import type { Plan } from "../decision/plan.js";
import { asOf, formatValue } from "./figures.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { sentences } from "../retrieval/passages.js";
import { labelIn } from "./suggestions.js";

type EntryPlan = Extract<Plan, { kind: "entry" }>;

/** Text shown before "Kerro lisää" when the whole entry was not asked for. */
const COMPACT_CHARS = 600;

/** An entry: in full, or compact (summary and figures first, the points one click away). */
export function composeEntry(b: ReplyBuilder, k: Knowledge, plan: EntryPlan, full: boolean): void {
  const entry = k.entries.find((e) => e.id === plan.id)!;
  const p = PHRASES[b.lang];
  b.title(b.t(entry.title)).entry(entry.id);
  const summary = b.t(entry.summary);
  if (full || summary.length <= COMPACT_CHARS) b.paragraph(summary);
  else {
    const lead = sentences(summary).reduce((acc, s) => (acc.length + s.length < COMPACT_CHARS || !acc ? (acc ? `${acc} ${s}` : s) : acc), "");
    b.paragraph(lead);
    b.more({ paragraphs: [summary.slice(lead.length).trim()], facts: [], items: entry.points.map((pt) => b.t(pt)), ordered: false });
  }
  if (full || summary.length <= COMPACT_CHARS) {
    if (full) entry.points.forEach((pt) => b.item(b.t(pt)));
    else b.more({ paragraphs: [], facts: [], items: entry.points.map((pt) => b.t(pt)), ordered: false });
  }

  const groups = new Map<string, LabelledFact[]>();
  entry.facts.forEach((f, i) => groups.set(f.key ?? `#${i}`, [...(groups.get(f.key ?? `#${i}`) ?? []), f]));
  for (const facts of groups.values()) {
    const [first, ...others] = facts.sort((x, y) => asOf(k, y).localeCompare(asOf(k, x)));
    if (!first) continue;
    const plus = first.plus ? ` (${b.t(first.plus)})` : "";
    b.fact(b.t(first.label), formatValue(first.value, first.unit, b.lang, first.approx) + plus);
    b.source(first.source, first.describes);
    for (const o of others) {
      const src = k.sources.get(o.source);
      const when = b.t(o.describes ?? src?.describes ?? o.as_of ?? "");
      b.paragraph(p.otherFigure(`${b.t(o.label)} ${formatValue(o.value, o.unit, b.lang, o.approx)}`, src ? b.t(src.title) : o.source, when));
      b.source(o.source, o.describes);
    }
  }
  entry.sources.forEach((s) => b.source(s));
  for (const id of [...plan.alternatives, ...entry.related]) {
    const other = k.entries.find((e) => e.id === id);
    if (other) b.suggest(b.t(other.title), labelIn(other.label, b.lang));
  }
}
