// What the bot says when it is not answering a fact: help, "I don't know" with up to three
// "did you mean" suggestions (fuse.js over entry titles, words and region names), and the
// candidates of an ambiguous name. Never a guessed figure.
import Fuse from "fuse.js";
import type { Knowledge } from "../knowledge/load.js";
import type { Plan } from "../understanding/plan.js";
import type { Understanding } from "../understanding/understand.js";
import { addFigure, regionName } from "./figures.js";
import { PHRASES } from "./phrases.js";
import { pick, type ReplyBuilder } from "./reply-builder.js";
import { rankingSuggestion, topicSuggestion } from "./suggestions.js";

export function composeHelp(b: ReplyBuilder, k: Knowledge): void {
  const p = PHRASES[b.lang];
  b.title(p.helpTitle).paragraph(p.canHelpWith).paragraph(p.helpIntro);
  p.helpTopics.forEach((t) => b.item(t));
  const first = [...k.regions].sort((x, y) => x.tour.order - y.tour.order)[0];
  const grants = k.metrics.find((m) => m.per_resident) ?? k.metrics[0];
  if (k.steps) b.suggest(b.t(k.steps.title));
  if (first) b.suggest(topicSuggestion(b.lang, regionName(first, b.lang), "overview"));
  if (grants) b.suggest(rankingSuggestion(b.lang, b.t(grants.name)));
}

export function composeUnknown(b: ReplyBuilder, k: Knowledge, u: Understanding, plan: Extract<Plan, { kind: "unknown" }>): void {
  const p = PHRASES[b.lang];
  b.paragraph(p.dontKnow).paragraph(p.canHelpWith);
  const region = plan.regionId ? k.regions.find((r) => r.id === plan.regionId) : undefined;
  if (region) b.suggest(topicSuggestion(b.lang, regionName(region, b.lang), "overview"));
  for (const s of didYouMean(k, u.unknown, b.lang)) b.suggest(s);
  if (k.steps) b.suggest(b.t(k.steps.title));
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
    b.suggest(topicSuggestion(b.lang, regionName(region, b.lang), "overview"));
  }
}

type Doc = { entryId?: string; regionId?: string; words: string[] };
const indexes = new WeakMap<Knowledge, Fuse<Doc>>();

function didYouMean(k: Knowledge, words: string[], lang: "fi" | "sv" | "en"): string[] {
  if (words.length === 0) return [];
  let fuse = indexes.get(k);
  if (!fuse) {
    const texts = (t: string | { fi: string; sv?: string; en?: string }) => (typeof t === "string" ? [t] : [t.fi, t.sv ?? "", t.en ?? ""]);
    const docs: Doc[] = [
      ...k.entries.map((e) => ({ entryId: e.id, words: [...e.words, ...texts(e.title)] })),
      ...k.regions.map((r) => ({ regionId: r.id, words: [r.names.fi, r.names.sv, r.names.en, ...r.names.fi_forms] })),
    ];
    fuse = new Fuse(docs, { keys: ["words"], threshold: 0.3, ignoreLocation: true, includeScore: true, minMatchCharLength: 4 });
    indexes.set(k, fuse);
  }
  const label = (d: Doc) => {
    const entry = k.entries.find((e) => e.id === d.entryId);
    const region = k.regions.find((r) => r.id === d.regionId);
    return entry ? pick(entry.title, lang).text : region ? topicSuggestion(lang, regionName(region, lang), "overview") : "";
  };
  const scores = new Map<string, number>();
  for (const w of words.filter((x) => x.length >= 4)) {
    for (const r of fuse.search(w, { limit: 3 })) scores.set(label(r.item), Math.min(scores.get(label(r.item)) ?? 1, r.score ?? 1));
  }
  return [...scores].sort((a, b) => a[1] - b[1]).slice(0, 3).map(([l]) => l);
}
