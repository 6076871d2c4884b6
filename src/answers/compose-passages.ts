// An answer that leads with the passage(s) that answer the question, under the entry's title or
// the region's name, with their sources and dates; the rest of the entry or region is one
// "Kerro lisää" away (in `more`, and as a suggestion that asks for it).
import type { Knowledge } from "../knowledge/load.js";
import type { Passage } from "../retrieval/passages.js";
import type { ReplyFact, ReplyMore } from "../seam.js";
import type { Plan } from "../decision/plan.js";
import { formatValue, regionName } from "./figures.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { labelIn } from "./suggestions.js";

type PassagesPlan = Extract<Plan, { kind: "passages" }>;

export function composePassages(b: ReplyBuilder, k: Knowledge, plan: PassagesPlan, passages: Passage[]): void {
  const p = PHRASES[b.lang];
  const shown = plan.hits.map((h) => h.passage);
  const first = shown[0]!;
  const regions = new Map(k.regions.map((r) => [r.id, r]));
  const regionOf = (x: Passage) => plan.regionOf[shown.indexOf(x)];

  if (plan.whichRegion) {
    const named = shown.flatMap((x) => (regions.get(regionOf(x) ?? "") ? [{ x, r: regions.get(regionOf(x)!)! }] : []));
    if (named.length === 1) b.title(b.t(named[0]!.r.organisation)).paragraph(lineOf(b, k, first));
    else {
      b.title(p.regionsWhere);
      for (const { x, r } of named) b.item(`${regionName(r, b.lang)}: ${lineOf(b, k, x)}`);
    }
    named.forEach(({ r }) => b.entry(r.id));
  } else {
    b.title(b.t(first.label));
    for (const x of shown) {
      const fact = factOf(b, k, x);
      if (fact) b.fact(fact.label, fact.value);
      else b.paragraph(b.t(x.text));
    }
  }
  for (const x of shown) {
    x.sources.forEach((s) => b.source(s, x.describes));
    b.entry(x.entryId ?? x.regionId ?? "");
  }

  // The rest of the subject (the entry or region the first passage belongs to), in its own order.
  if (!plan.whichRegion) {
    const rest = sameSubject(passages, first).filter((x) => !shown.includes(x) && !(first.stepN && x.stepN !== first.stepN));
    const more: ReplyMore = { paragraphs: [], facts: [], items: [], ordered: false };
    for (const x of rest) {
      const fact = factOf(b, k, x);
      if (fact) more.facts.push(fact);
      else more.paragraphs.push(b.t(x.text));
    }
    b.more(more);
  }
  const entry = first.entryId ? k.entries.find((e) => e.id === first.entryId) : undefined;
  for (const id of entry?.related ?? []) {
    const other = k.entries.find((e) => e.id === id);
    if (other) b.suggest(b.t(other.title), labelIn(other.label, b.lang));
  }
  const region = regionOf(first);
  if (region && regions.get(region)) b.suggest(regionName(regions.get(region)!, b.lang), labelIn(regions.get(region)!.label, b.lang));
}

/** Passages grouped by their entry or region, once per knowledge version (the array is the version's). */
const subjects = new WeakMap<Passage[], Map<string, Passage[]>>();

function sameSubject(passages: Passage[], p: Passage): Passage[] {
  let bySubject = subjects.get(passages);
  if (!bySubject) {
    bySubject = new Map();
    for (const x of passages) {
      const key = `${x.entryId ?? ""}|${x.regionId ?? ""}`;
      (bySubject.get(key) ?? bySubject.set(key, []).get(key)!).push(x);
    }
    subjects.set(passages, bySubject);
  }
  return bySubject.get(`${p.entryId ?? ""}|${p.regionId ?? ""}`) ?? [];
}

/** The passage as one line: a figure with its value, or its text. */
function lineOf(b: ReplyBuilder, k: Knowledge, x: Passage): string {
  const fact = factOf(b, k, x);
  return fact ? `${fact.label}: ${fact.value}` : b.t(x.text);
}

function factOf(b: ReplyBuilder, k: Knowledge, x: Passage): ReplyFact | undefined {
  if (x.factIndex === undefined || !x.entryId) return undefined;
  const f = k.entries.find((e) => e.id === x.entryId)?.facts[x.factIndex];
  if (!f) return undefined;
  const note = f.note ? ` (${b.t(f.note)})` : "";
  return { label: b.t(f.label), value: formatValue(f.value, f.unit, b.lang, f.approx) + note };
}
