// What the bot says when it is not answering a fact: "I don't know" with up to three "did you
// mean" suggestions (fuse.js over entry titles and words), and the candidates of an ambiguous
// name. Never a guessed figure.
import Fuse from "fuse.js";
import type { Knowledge } from "../knowledge/load.js";
import type { Plan } from "../decision/plan.js";
import type { Entry } from "../knowledge/schema.js";
import type { Understanding } from "../understanding/understand.js";
import { fold } from "../text/normalise.js";
import { addFigure, regionName } from "./figures.js";
import { PHRASES } from "./phrases.js";
import { pick, type ReplyBuilder } from "./reply-builder.js";
import { labelIn, topicSuggestion } from "./suggestions.js";

export function composeUnknown(b: ReplyBuilder, k: Knowledge, u: Understanding, plan: Extract<Plan, { kind: "unknown" }>): void {
  const p = PHRASES[b.lang];
  b.paragraph(plan.years ? p.noFigureForYear(plan.years.join(", ")) : p.dontKnow).paragraph(p.canHelpWith);
  const region = plan.regionId ? k.regions.find((r) => r.id === plan.regionId) : undefined;
  if (region) b.suggest(topicSuggestion(b.lang, regionName(region, b.lang), "overview"), labelIn(region.label, b.lang));
  for (const e of didYouMean(k, u.unknown)) b.suggest(pick(e.title, b.lang).text, labelIn(e.label, b.lang));
  if (k.steps) b.suggest(b.t(k.steps.title), labelIn(k.steps.label, b.lang));
}

export function composeAmbiguous(b: ReplyBuilder, k: Knowledge, plan: Extract<Plan, { kind: "ambiguous" }>): void {
  const p = PHRASES[b.lang];
  const note = k.lexicon.ambiguous.find((a) => a.regions.join() === plan.mention.ids.join())?.note;
  b.title(p.ambiguous(plan.mention.written));
  if (note) b.paragraph(b.t(note));
  const metrics = k.metrics.filter((m) => plan.metrics.includes(m.id));
  for (const id of plan.mention.ids) {
    const region = k.regions.find((r) => r.id === id)!;
    b.entry(id);
    if (metrics.length === 0) b.item(b.t(region.organisation));
    for (const m of metrics) addFigure(b, k, region, m, `${regionName(region, b.lang)} – ${b.t(m.name)}`);
    b.suggest(topicSuggestion(b.lang, regionName(region, b.lang), "overview"), labelIn(region.label, b.lang));
  }
}

/** "montako järjestöä meillä on?" with no region known: the question again for each region. */
export function composeAskRegion(b: ReplyBuilder, k: Knowledge, plan: Extract<Plan, { kind: "ask-region" }>): void {
  b.paragraph(PHRASES[b.lang].askRegion);
  const asked = plan.question.trim();
  for (const r of [...k.regions].sort((x, y) => regionName(x, b.lang).localeCompare(regionName(y, b.lang), b.lang))) {
    b.choice(`${regionName(r, b.lang)}: ${asked}`, labelIn(r.label, b.lang));
  }
}

/** Distinct entry words by first letter, each group with its own Fuse.js index. */
type WordIndex = Map<string, { fuse: Fuse<string>; entriesOf: Map<string, string[]> }>;
const indexes = new WeakMap<Knowledge, WordIndex>();

function wordIndex(k: Knowledge): WordIndex {
  let index = indexes.get(k);
  if (index) return index;
  const groups = new Map<string, Map<string, string[]>>();
  for (const e of k.entries) {
    const titles = typeof e.title === "string" ? [e.title] : [e.title.fi, e.title.sv ?? "", e.title.en ?? ""];
    for (const w of [...e.words, ...titles].filter(Boolean).map(fold)) {
      const group = groups.get(w[0]!) ?? new Map<string, string[]>();
      group.set(w, [...(group.get(w) ?? []), e.id]);
      groups.set(w[0]!, group);
    }
  }
  index = new Map([...groups].map(([initial, entriesOf]) => [initial, { entriesOf, fuse: new Fuse([...entriesOf.keys()], { threshold: 0.25, ignoreLocation: true, includeScore: true, minMatchCharLength: 4 }) }]));
  indexes.set(k, index);
  return index;
}

/**
 * Entries whose words are close to the words of the question that nothing explained. Fuse.js
 * searches distinct words that share the first letter (tens of short strings), not every entry's
 * word list, which keeps an unanswerable question as cheap as an answerable one.
 */
function didYouMean(k: Knowledge, words: string[]): Entry[] {
  const scores = new Map<string, number>();
  for (const w of words.filter((x) => x.length >= 5).slice(0, 3)) {
    const group = wordIndex(k).get(w[0]!);
    for (const r of group?.fuse.search(w, { limit: 3 }) ?? []) {
      for (const id of group!.entriesOf.get(r.item) ?? []) scores.set(id, Math.min(scores.get(id) ?? 1, r.score ?? 1));
    }
  }
  return [...scores]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([id]) => k.entries.find((e) => e.id === id)!);
}
