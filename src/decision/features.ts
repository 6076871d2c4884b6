// Each candidate answer described by numbers the fitted model weighs: how much of the question's
// word weight it explains (a word the knowledge lacks weighs as much as the question's most
// telling word), whether it holds the rarest word, the kind of thing asked, the region and year
// asked, its retrieval score against the best, and what kind of answer it is. Knowledge-relative
// measures only, so the model carries over when the knowledge grows.
import type { Frame } from "../understanding/frame.js";
import type { Understander } from "../understanding/understand.js";
import { CANDIDATE_KINDS, type Candidate } from "./candidates.js";

const K1 = 1.2;

export const FEATURES = [
  "bias", "cover", "coverKnown", "unknownShare", "missRarest", "typeSpecific", "typeFit", "typeMiss",
  "regionAsked", "regionFit", "regionOther", "yearAsked", "relScore", "topPassage", "normScore",
  ...CANDIDATE_KINDS.map((k) => `kind:${k}`),
  ...CANDIDATE_KINDS.map((k) => `cover:${k}`),
  "entryNamed", "followUp", "terms", "quantityNumber", "metricNamed",
  "passage:fact", "passage:highlight", "passage:structure", "passage:step", "passage:summary",
  "sectionAsked", "entriesNamed", "rankingAsked", "perResidentAsked", "coverRel", "bestCover", "quantityUnknown",
  "typeMissPassage", "missRare", "missRareStructured", "inFocus", "focusAsked",
] as const;

/** What every candidate of one question is measured against. */
export interface QuestionStats {
  weight: Map<string, number>;
  /** Each known term's rarity as a share of the rarest possible (a word in one passage): 0..1. */
  rarity: Map<string, number>;
  total: number;
  knownTotal: number;
  known: Set<string>;
  rarest?: string;
  unknownShare: number;
  /** The highest BM25 a passage could reach for these terms: scores are read relative to it. */
  maxScore: number;
  bestScore: number;
  /** The most any candidate explains: a candidate is also judged against its rivals. */
  bestCover: number;
}

export function questionStats(f: Frame, understander: Understander, candidates: Candidate[]): QuestionStats {
  // Context before the question ("teen vertailua hallitukselle, …") helps find passages but is not
  // what a candidate must explain.
  const words = f.terms.filter((t) => !/^\d+$/.test(t.term) && !t.weak && !t.context);
  const idf = new Map(words.map((t) => [t.term, understander.index.idf(t, f.language)]));
  const knownIdf = [...idf.values()].filter((x): x is number => x !== undefined);
  const unknownIdf = knownIdf.length ? Math.max(...knownIdf) : 3;
  const weight = new Map<string, number>();
  const rarity = new Map<string, number>();
  const most = Math.log(1 + understander.index.passages.length);
  const known = new Set<string>();
  let total = 0;
  let knownTotal = 0;
  let unknown = 0;
  let rarest: string | undefined;
  let rarestIdf = -1;
  for (const t of words) {
    const i = idf.get(t.term);
    const w = i ?? unknownIdf;
    weight.set(t.term, w);
    total += w;
    if (i === undefined) unknown += w;
    else {
      known.add(t.term);
      rarity.set(t.term, Math.min(1, i / most));
      knownTotal += w;
      if (i > rarestIdf) (rarest = t.term), (rarestIdf = i);
    }
  }
  const maxScore = knownIdf.reduce((a, b) => a + b * (K1 + 1), 0);
  const bestScore = Math.max(0, ...candidates.map((c) => c.score));
  const stats = { weight, rarity, total, knownTotal, known, ...(rarest ? { rarest } : {}), unknownShare: total ? unknown / total : 0, maxScore, bestScore, bestCover: 0 };
  stats.bestCover = Math.max(0, ...candidates.map((c) => explainedShare(c, stats).all));
  return stats;
}

/** The share of the question's word weight a candidate explains: all of it, and the known part. */
function explainedShare(c: Candidate, q: Pick<QuestionStats, "weight" | "known" | "total" | "knownTotal">): { all: number; known: number } {
  let explained = 0;
  let explainedKnown = 0;
  for (const [term, w] of q.weight) {
    const close = Math.min(1, (c.explains.get(term) ?? 0) / 0.7);
    explained += w * close;
    if (q.known.has(term)) explainedKnown += w * close;
  }
  return { all: q.total ? explained / q.total : 1, known: q.knownTotal ? explainedKnown / q.knownTotal : 1 };
}

const SPECIFIC = new Set(["who", "when", "count", "amount", "which-region"]);
const NUMERIC = new Set(["figure", "compare", "ranking"]);

export function featuresOf(c: Candidate, f: Frame, q: QuestionStats): number[] {
  const { all: cover, known: coverKnown } = explainedShare(c, q);
  const isPassage = c.kind === "passage" || c.kind === "which-region";
  const specific = SPECIFIC.has(f.asks);
  const regionAsked = f.regions.length > 0;
  const pk = c.passage?.kind;
  // The rarest word left unexplained: a common verb ("toimii") matters little, a rare noun a lot.
  let missed = 0;
  for (const [term, r] of q.rarity) if ((c.explains.get(term) ?? 0) < 0.7) missed = Math.max(missed, r);
  const values: Record<string, number> = {
    bias: 1,
    cover,
    coverKnown,
    unknownShare: q.unknownShare,
    missRarest: q.rarest && (c.explains.get(q.rarest) ?? 0) < 0.7 ? 1 : 0,
    typeSpecific: specific ? 1 : 0,
    typeFit: c.fitsType ? 1 : 0,
    typeMiss: specific && !c.fitsType ? 1 : 0,
    regionAsked: regionAsked ? 1 : 0,
    regionFit: regionAsked && f.regions.every((r) => c.about.includes(r)) ? 1 : 0,
    regionOther: c.about.some((r) => !f.regions.includes(r)) && !(c.kind === "which-region") ? 1 : 0,
    yearAsked: f.years.length ? 1 : 0,
    relScore: isPassage && q.bestScore ? c.score / q.bestScore : 0,
    topPassage: isPassage && c.rank === 0 ? 1 : 0,
    normScore: isPassage && q.maxScore ? Math.min(1, c.score / q.maxScore) : 0,
    entryNamed: c.entryNamed ? 1 : 0,
    followUp: f.kept.length ? 1 : 0,
    terms: Math.log1p(q.weight.size),
    quantityNumber: (f.asks === "count" || f.asks === "amount") && (NUMERIC.has(c.kind) || pk === "fact") ? 1 : 0,
    metricNamed: f.metrics.length && NUMERIC.has(c.kind) ? 1 : 0,
    "passage:fact": pk === "fact" ? 1 : 0,
    "passage:highlight": pk === "highlight" ? 1 : 0,
    "passage:structure": pk === "structure" ? 1 : 0,
    "passage:step": pk === "step" ? 1 : 0,
    "passage:summary": pk === "summary" ? 1 : 0,
    sectionAsked: f.sections.length && c.kind === "region" ? 1 : 0,
    entriesNamed: f.entries.length ? 1 : 0,
    rankingAsked: f.ranking && c.kind === "ranking" ? 1 : 0,
    perResidentAsked: f.perResident && NUMERIC.has(c.kind) ? 1 : 0,
    coverRel: q.bestCover ? cover / q.bestCover : 1,
    bestCover: cover >= q.bestCover - 1e-9 ? 1 : 0,
    quantityUnknown: f.asks === "count" || f.asks === "amount" ? q.unknownShare : 0,
    typeMissPassage: isPassage && specific && !c.fitsType ? 1 : 0,
    inFocus: c.inFocus ? 1 : 0,
    focusAsked: f.focus ? 1 : 0,
    missRare: isPassage ? missed : 0,
    missRareStructured: isPassage ? 0 : missed,
  };
  // Each kind's own weight, and how much its explaining the question counts for it.
  for (const kind of CANDIDATE_KINDS) {
    values[`kind:${kind}`] = c.kind === kind ? 1 : 0;
    values[`cover:${kind}`] = c.kind === kind ? cover : 0;
  }
  return FEATURES.map((name) => values[name]!);
}
