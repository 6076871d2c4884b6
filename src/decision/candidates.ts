// Every answer a frame could mean, each with what it explains of the question: figures of the
// regions named, a ranking or comparison, a region's sections, the steps, an entry named, the
// tour's order, and the passages retrieval finds. Which of them answers (or none) is decided by
// the fitted model (model.ts); nothing here ranks one kind above another.
import type { Knowledge } from "../knowledge/load.js";
import { NGO_METRIC } from "../knowledge/schema.js";
import type { PassageHit } from "../retrieval/passage-index.js";
import type { Passage } from "../retrieval/passages.js";
import { fold } from "../text/normalise.js";
import type { Frame, Section } from "../understanding/frame.js";
import { aboutTour, regionByTourOrder, TOUR_ENTRY } from "../understanding/tour-order.js";
import type { Understander } from "../understanding/understand.js";
import { describesYears, holdsAnswer, type FitContext } from "./passage-fit.js";
import type { Plan } from "./plan.js";

export type CandidateKind = "figure" | "compare" | "ranking" | "region" | "steps" | "entry" | "tour" | "passage" | "which-region";
export const CANDIDATE_KINDS: CandidateKind[] = ["figure", "compare", "ranking", "region", "steps", "entry", "tour", "passage", "which-region"];

export interface Candidate {
  kind: CandidateKind;
  plan: Plan;
  /** The question's terms the candidate answers, with how closely (1: the same word). */
  explains: Map<string, number>;
  /** The regions the candidate is about (empty: none in particular). */
  about: string[];
  /** Whether it holds the kind of thing asked (a name, a date, a number, a region). */
  fitsType: boolean;
  /** Retrieval score of a passage (0 for the others) and its place among the passages. */
  score: number;
  rank: number;
  passage?: Passage;
  /** The question names the candidate's entry. */
  entryNamed: boolean;
  /** The candidate comes from the entry the conversation is about. */
  inFocus: boolean;
}

/** Passages taken as candidates: retrieval's recall is high in its first few. */
const PASSAGES = 6;
/** Passages of the conversation's entry added to them. */
const FOCUSED = 3;
const COMPANION = 0.6;
const MAX_COMPANIONS = 2;
const MAX_REGIONS = 6;

export interface Candidates {
  candidates: Candidate[];
  /** Years asked that the figures asked do not describe: the refusal says so. */
  blockedYears?: number[];
}

export function candidatesFor(f: Frame, k: Knowledge, understander: Understander): Candidates {
  const out: Candidate[] = [];
  const from = (pred: (t: string) => boolean) => new Map(f.terms.filter((t) => t.from.some(pred)).map((t) => [t.term, 1]));
  const base = { score: 0, rank: 0, entryNamed: false, inFocus: false };
  const regionId = f.regions.length === 1 ? f.regions[0] : undefined;
  let blockedYears: number[] | undefined;

  const defaultFor = (use: "size" | "per-resident") => k.metrics.find((m) => m.default_for === use)?.id;
  // "avustukset per järjestö": a figure divided by the NGOs, which are then not a figure asked.
  const perNgoMetric = f.perNgo && !f.perResident ? (f.metrics.find((m) => m !== NGO_METRIC) ?? defaultFor("per-resident")) : undefined;
  const metric = perNgoMetric ?? (f.perResident ? f.metrics.find((m) => k.metrics.find((x) => x.id === m)?.per_resident) : undefined) ?? f.metrics[0] ?? (f.perResident ? defaultFor("per-resident") : f.ranking && f.areaWord ? defaultFor("size") : undefined);
  // "How many registered associations…": a number is given only for what the knowledge names.
  const quantity = f.asks === "count" || f.asks === "amount";
  // Only a word that narrows the figure does ("registered associations"); one elsewhere in the message
  // ("tarviin huomiseen juttuun…") does not change the figure asked.
  // A word the lexicon gives a meaning ("anto" as a grant verb) is known, even where no passage uses it.
  // Words kept from the previous question were judged there (in its language).
  const strange = quantity && !f.kept.includes("what") && f.terms.some((t) => (t.narrows || t.term === f.counted) && !t.context && !t.weak && t.from.length === 0 && !/^\d+$/.test(t.term) && understander.index.idf(t, f.language) === undefined);
  // The regions' figures are counts and sums of money: none is a share of a whole, nor a reason.
  if (metric && !strange && !f.share && f.asks !== "why") {
    // Per resident, the population is the divisor, not a figure of its own ("asukasta yhtä järjestöä kohden").
    const perResident = f.perResident && f.metrics.length > 1 ? f.metrics.filter((m) => k.metrics.find((x) => x.id === m)?.per_resident) : f.metrics;
    // "Hur mycket bidrag … till organisationerna?" asks an amount of money: the NGOs are whom it goes to, not a count asked too.
    const money = f.asks === "amount" ? perResident.filter((m) => k.metrics.find((x) => x.id === m)?.unit === "eur") : [];
    const named = money.length ? money : perResident;
    const perNgo = !!perNgoMetric;
    const metrics = perNgo ? [metric] : named.length ? named : [metric];
    const per = perNgo ? { perNgo: true } : {};
    // What the figures explain: their words, and the population's when it is the divisor.
    const figures = from((t) => t.startsWith("metric:") && (metrics.includes(t.slice(7)) || perResident.includes(t.slice(7)) || (f.perResident && t === "metric:population")));
    if (f.years.length && !describesYear(k, f.regions, metric, f.years)) blockedYears = f.years;
    else if (f.regions.length === 0) {
      // "Montako sote-järjestöä Suomessa on?" asks the national figure, not a list of the areas'.
      if (!f.country || f.ranking) {
      const top = f.threshold ? 30 : (f.top ?? (f.listAll || !f.ranking ? 30 : f.asks === "which-region" && !f.most && !f.least ? 1 : 5));
      // "eniten asukkaita per järjestö" ranks residents per NGO: the NGOs per resident the other way round.
      const inverse = !perNgo && f.perResident && f.metrics.includes("population") && metric !== "population";
      const plan: Plan = {
        kind: "ranking", metric, least: inverse ? !f.least : f.least, perResident: f.perResident, ...per, countiesOnly: f.countiesOnly, exclude: f.exclude, top, total: f.total,
        ...(f.threshold ? { threshold: f.threshold } : {}), ...(f.pick && f.ranking && !f.total ? { pick: f.pick } : {}), ...(f.within ? { within: f.within } : {}),
      };
      out.push({ ...base, kind: "ranking", plan, explains: figures, about: [], fitsType: f.asks !== "who" && f.asks !== "when" });
      } else out.push(...nationalFigures(f, k, understander, metric, figures));
    } else if (regionId) {
      const plan: Plan = { kind: "region", regionId, metrics, sections: f.sections.filter((s) => s === "tour"), perResident: f.perResident, ...per, ...(f.readAs ? { readAs: f.readAs } : {}) };
      out.push({ ...base, kind: "figure", plan, explains: figures, about: [regionId], fitsType: quantityFits(f) });
    } else if (f.total && !f.perResident && !perNgo) {
      // "paljonko Itä-Uudenmaan ja Keski-Uudenmaan avustukset on yhteensä": the sum of the regions named.
      const plan: Plan = { kind: "ranking", metric: metrics[0]!, least: false, perResident: false, countiesOnly: false, exclude: [], top: f.regions.length, total: true, within: f.regions };
      out.push({ ...base, kind: "ranking", plan, explains: figures, about: f.regions, fitsType: quantityFits(f) });
    } else {
      out.push({ ...base, kind: "compare", plan: { kind: "compare", regionIds: f.regions, metrics, perResident: f.perResident, ...per }, explains: figures, about: f.regions, fitsType: quantityFits(f) || f.asks === "which-region" || f.compare });
    }
  }
  if (f.regions.length >= 2 && !metric && (f.compare || f.topicWords.length === 0)) {
    out.push({ ...base, kind: "compare", plan: { kind: "compare", regionIds: f.regions, metrics: [], perResident: false }, explains: new Map(), about: f.regions, fitsType: f.asks !== "who" && f.asks !== "when" });
  }
  // A region's profile or sections answer a question about the region itself, of the year its
  // figures describe: not one that asks about something more (that is the passages' job).
  const yearsFit = (ids: string[]) => f.years.length === 0 || k.metrics.some((m) => describesYear(k, ids, m.id, f.years));
  // "Milloin aluekierros oli Lapissa?": the tour named with a region asks for its meeting.
  const tour = aboutTour(f);
  if (regionId && (f.topicWords.length === 0 || f.sections.length > 0 || tour) && yearsFit([regionId])) {
    // The tour named with a region: "milloin" asks for its meeting, "mitä todettiin" for its findings.
    const fromTour: Section = f.asks === "when" || f.asks === "which-region" ? "tour" : "highlights";
    const asked: Section[] = tour && !f.sections.includes(fromTour) ? [...f.sections, fromTour] : f.sections;
    // A section the region's file has nothing in (Helsinki's tour findings) would answer with a bare title.
    const sections = asked.filter((s) => sectionHolds(k, regionId, s));
    const explains = from((t) => t === "group:structures" || t === "group:highlights" || t === "group:tour" || (tour && t === `entry:${TOUR_ENTRY}`));
    const plan: Plan = { kind: "region", regionId, metrics: [], sections, perResident: false, ...(f.readAs ? { readAs: f.readAs } : {}) };
    // A meeting's date answers "milloin" and "monesko"; a profile or its sections what the region has.
    const fitsType = sections.includes("tour") ? ["when", "which-region", "none", "what", "yesno"].includes(f.asks) : ["none", "what", "yesno", "list", "how"].includes(f.asks);
    if (sections.length > 0 || asked.length === 0) out.push({ ...base, kind: "region", plan, explains, about: [regionId], fitsType });
  }
  const picked = regionByTourOrder(f, k);
  if (picked) {
    const plan: Plan = { kind: "region", regionId: picked, metrics: [], sections: ["tour"], perResident: false };
    out.push({ ...base, kind: "tour", plan, explains: from((t) => t === "group:tour" || t === `entry:${TOUR_ENTRY}`), about: [], fitsType: true });
  }
  if (f.steps) {
    const plan: Plan = { kind: "steps", ...(f.stepN ? { n: f.stepN } : {}), ...(regionId ? { regionId } : {}) };
    // A step picked from the listed five ("mitä se toinen tarkottaa käytännössä?") is what every word asks about.
    const explains = f.kept.includes("list") && f.stepN ? new Map(f.terms.map((t) => [t.term, 1])) : from((t) => t === "steps" || t.startsWith("step:"));
    out.push({ ...base, kind: "steps", plan, explains, about: regionId ? [regionId] : [], fitsType: f.asks !== "who" && f.asks !== "when" && f.asks !== "count" && f.asks !== "amount" });
  }
  // A step picked from the list is the one asked about: other steps' passages are not candidates.
  const pickedStep = f.kept.includes("list") ? f.stepN : undefined;
  const passages = passageCandidates(f, k, understander, regionId).filter((c) => !pickedStep || !c.passage?.stepN || c.passage.stepN === pickedStep);
  for (const id of f.entries.slice(0, 2)) {
    // An entry as a whole answers a question that is only about it ("Mikä on STEA?", "hyte");
    // one that asks something more of it is answered by the passage that says it.
    const asked = f.terms.filter((t) => !t.context && !t.weak && !/^\d+$/.test(t.term));
    // A name, a date or a number asked is answered by the passage that holds it, not a summary.
    if (SPECIFIC.has(f.asks) || !asked.every((t) => t.from.includes(`entry:${id}`))) continue;
    // An entry holds the year and the kind of thing asked when one of its passages does.
    const own = understander.passagesOf(id);
    if (![...own].some((p) => describesYears(p, f.years, k))) continue;
    const plan: Plan = { kind: "entry", id, alternatives: f.entries.filter((e) => e !== id).slice(0, 2) };
    const regions = k.entries.find((e) => e.id === id)?.regions ?? [];
    out.push({ ...base, kind: "entry", plan, explains: from((t) => t === `entry:${id}`), about: regions, fitsType: true, entryNamed: true, inFocus: id === f.focus });
  }
  out.push(...passages);
  // A question that wants a name, a date, a number or a region is answered only by a candidate
  // that holds one: a definition is not an answer to "montako".
  const fitting = SPECIFIC.has(f.asks) ? out.filter((c) => c.fitsType) : out;
  return { candidates: fitting, ...(blockedYears ? { blockedYears } : {}) };
}

/** Answer types that only a passage holding that kind of thing answers. */
const SPECIFIC = new Set(["who", "when", "count", "amount", "which-region"]);

/** A figure answers "how many / how much" of the figure itself, or a question that names nothing else. */
function quantityFits(f: Frame): boolean {
  if (f.asks === "count" || f.asks === "amount") return f.countsFigure !== false;
  return ["none", "what", "yesno", "list"].includes(f.asks) && f.topicWords.length === 0;
}

/** The passages retrieval ranks first, each a candidate with the companions that say more of it. */
function passageCandidates(f: Frame, k: Knowledge, understander: Understander, regionId: string | undefined): Candidate[] {
  const words = f.terms.filter((t) => !/^\d+$/.test(t.term) && !t.weak);
  if (words.length === 0) return [];
  const inRegion = regionId ? understander.passagesAbout(regionId) : undefined;
  const soleRegion = (id: string) => {
    const regions = k.entries.find((e) => e.id === id)?.regions ?? [];
    return regions.length === 1 ? regions[0] : undefined;
  };
  const regionOf = (p: Passage) => {
    if (p.regionId) return p.regionId;
    const named = understander.regionsOf(p.id);
    return named.length === 1 ? named[0] : undefined;
  };
  const fit: FitContext = { frame: f, language: f.language, regionOf, soleRegion, ...(regionId ? { regionId } : {}) };
  const entries = new Set(f.entries);
  // The entry the conversation is about ("kuinka monta henkilötyövuotta?" after the 2020 proposal),
  // or the steps when a step's topic is asked: its best passages join the candidates.
  const focus = f.focus ?? (f.steps && f.terms.some((t) => !t.from.includes("steps") && !t.context) ? k.steps?.id : undefined);
  const found = understander.search(f.terms, fit.language, inRegion);
  const ofFocus = focus ? understander.passagesOf(focus) : undefined;
  const focusIn = ofFocus && inRegion ? new Set([...ofFocus].filter((p) => inRegion.has(p))) : ofFocus;
  const focused = focusIn ? understander.search(f.terms, fit.language, focusIn).slice(0, FOCUSED) : [];
  // A short follow-up that points back ("kuinka monta henkilötyövuotta?", "miksi?") asks more of
  // the same entry first: the rest of the knowledge only when the entry has nothing on it.
  const pointsBack = f.focus && (f.refers || f.followup || f.topicWords.length <= 2) && focused.some((h) => fits(h));
  const wide = pointsBack ? [] : found.slice(0, PASSAGES * 3);
  const known = new Set(wide.map((h) => h.passage));
  const hits = [...wide, ...focused.filter((h) => !known.has(h.passage))].filter((h) => describesYears(h.passage, f.years, k)).sort((a, b) => b.score - a.score);
  const first = hits.slice(0, PASSAGES);
  const top = [...first, ...hits.filter((h) => !first.includes(h) && focused.some((x) => x.passage === h.passage))];
  const whichRegion = f.asks === "which-region" && !regionId;
  const stepWords = f.terms.filter((t) => t.from.includes("steps")).map((t): [string, number] => [t.term, 1]);
  function fits(h: PassageHit): boolean {
    return holdsAnswer(h, fit) && describesYears(h.passage, f.years, k);
  }
  const candidate = (h: PassageHit, rank: number, shown: PassageHit[]): Candidate => ({
    kind: whichRegion ? "which-region" : "passage",
    plan: { kind: "passages", hits: shown, whichRegion, regionOf: shown.map((x) => regionOf(x.passage)), ...(regionId ? { regionId } : {}), terms: f.terms, asks: f.asks },
    // A step's passage is one of the five steps: "mikä askelista koskee avustuksia?" is answered by it.
    explains: h.passage.stepN ? new Map([...stepWords, ...h.closeness]) : h.closeness,
    about: [...new Set(shown.map((x) => regionOf(x.passage)).filter((r): r is string => !!r))],
    fitsType: holdsAnswer(h, fit),
    score: h.score,
    rank,
    passage: h.passage,
    entryNamed: !!h.passage.entryId && entries.has(h.passage.entryId),
    inFocus: !!focus && h.passage.entryId === focus,
  });
  return top.map((h, rank) => {
    if (whichRegion) {
      // Every region whose passage answers as well: "Millä alueilla on järjestöneuvottelukunta?"
      const seen = new Set<string>();
      const shown = hits.filter((x) => {
        const r = regionOf(x.passage);
        if (!r || seen.has(r) || x.score < h.score * COMPANION || (x !== h && !holdsAnswer(x, fit))) return false;
        seen.add(r);
        return true;
      });
      return candidate(h, rank, shown.length ? shown.slice(0, MAX_REGIONS) : [h]);
    }
    // A step's passage answers with the step itself ("Askel 5/5: …").
    if (h.passage.stepN) return { ...candidate(h, rank, [h]), plan: { kind: "steps", n: h.passage.stepN } };
    const same = (x: PassageHit) => x !== h && x.passage.entryId === h.passage.entryId && x.passage.regionId === h.passage.regionId;
    const companions = hits.filter((x) => same(x) && x.score >= h.score * COMPANION && x.matched.size >= h.matched.size && holdsAnswer(x, fit)).slice(0, MAX_COMPANIONS);
    // The passage that answers leads; companions of the same subject follow in their own order.
    return candidate(h, rank, [h, ...companions.sort((a, b) => a.passage.order - b.passage.order)]);
  });
}

/**
 * The national figure of a metric ("Montako sote-järjestöä Suomessa on?"): an entry's fact that
 * carries the metric's key and is about no region in particular, answered as the fact passage it
 * is, scored by the question's words.
 */
function nationalFigures(f: Frame, k: Knowledge, understander: Understander, metric: string, figures: Map<string, number>): Candidate[] {
  // "How many members do … NGOs have?" counts members: the NGOs only qualify them.
  const counted = f.counted ? f.terms.find((t) => t.term === f.counted) : undefined;
  if (counted && !counted.from.includes(`metric:${metric}`)) return [];
  // Read from the entries about no region, through their own passages: not a scan of every passage.
  const facts = new Set<Passage>();
  for (const e of k.entries) {
    if (e.regions.length > 0 || !e.facts.some((x) => x.key === metric)) continue;
    for (const p of understander.passagesOf(e.id)) if (p.kind === "fact" && e.facts[p.factIndex!]?.key === metric) facts.add(p);
  }
  if (facts.size === 0) return [];
  const hits = understander.search(f.terms, f.language, facts).filter((h) => describesYears(h.passage, f.years, k)).slice(0, 1);
  // The country's name is what the national figure answers ("in Finland", "i Finland", "Suomessa").
  const country = new Set((k.lexicon.groups.country ?? []).map((w) => fold(w.split(" ").at(-1)!)));
  const named = f.terms.filter((t) => country.has(t.word)).map((t) => [t.term, 1] as const);
  return hits.map((h) => ({
    kind: "figure" as const, plan: { kind: "passages" as const, hits: [h], whichRegion: false, regionOf: [undefined], terms: f.terms, asks: f.asks },
    explains: new Map([...figures, ...h.closeness, ...named]), about: [], fitsType: true, score: h.score, rank: 0, passage: h.passage, entryNamed: false, inFocus: false,
  }));
}

/** Whether the figures held for these regions (all regions when none is named) describe one of the years. */
function describesYear(k: Knowledge, regionIds: string[], metric: string, years: number[]): boolean {
  const regions = regionIds.length ? k.regions.filter((r) => regionIds.includes(r.id)) : k.regions;
  return regions.some((r) => {
    const raw = r.figures[metric];
    const facts = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    return facts.some((f) => years.includes(Number((f.as_of ?? k.sources.get(f.source)?.as_of ?? "").slice(0, 4))));
  });
}

/** Whether a region's file says anything under the section. */
function sectionHolds(k: Knowledge, regionId: string, section: Section): boolean {
  const region = k.regions.find((r) => r.id === regionId);
  if (!region) return false;
  return section === "tour" || (section === "structures" ? region.structures : region.highlights).length > 0;
}
