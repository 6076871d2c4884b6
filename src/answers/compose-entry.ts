// A topic or concept entry: its summary, points and figures (where two sources disagree, the
// newest is shown as the figure and the other one named beside it), with related entries offered.
import type { Knowledge } from "../knowledge/load.js";
import type { LabelledFact } from "../knowledge/schema.js";
import type { Plan } from "../understanding/plan.js";
import { asOf, formatValue } from "./figures.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";

type EntryPlan = Extract<Plan, { kind: "entry" }>;

export function composeEntry(b: ReplyBuilder, k: Knowledge, plan: EntryPlan): void {
  const entry = k.entries.find((e) => e.id === plan.id)!;
  const p = PHRASES[b.lang];
  b.title(b.t(entry.title)).paragraph(b.t(entry.summary)).entry(entry.id);
  entry.points.forEach((pt) => b.item(b.t(pt)));

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
    if (other) b.suggest(b.t(other.title));
  }
}
