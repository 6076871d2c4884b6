// Decides what a question asks for, from its analysis (understand.ts) and the previous answer in
// the same conversation. Figures, rankings, filters, comparisons and the steps are computed from
// the structured knowledge; everything else is answered by the passages that hold the question's
// content words (answerable.ts decides whether they answer it at all).
import type { Knowledge } from "../knowledge/load.js";
import type { PassageHit, QueryTerm } from "../retrieval/passage-index.js";
import type { AnswerType } from "./answer-type.js";
import type { Threshold } from "./threshold.js";
import { answeringPassages } from "./answerable.js";
import { followUpPlan, regionsOf } from "./follow-up.js";
import { regionByTourOrder } from "./tour-order.js";
import type { RegionMention } from "./region-names.js";
import type { Understander, Understanding } from "./understand.js";

export type Section = "structures" | "highlights" | "tour";
export const SECTIONS: Section[] = ["structures", "highlights", "tour"];

export type Plan =
  | { kind: "help" }
  | { kind: "region"; regionId: string; metrics: string[]; sections: Section[]; perResident: boolean; readAs?: RegionMention }
  | { kind: "compare"; regionIds: string[]; metrics: string[]; perResident: boolean }
  | { kind: "ranking"; metric: string; least: boolean; perResident: boolean; countiesOnly: boolean; exclude: string[]; top: number; total: boolean; threshold?: Threshold }
  | { kind: "steps"; n?: number; regionId?: string }
  | { kind: "entry"; id: string; alternatives: string[] }
  /** Passages that answer; for "which region" questions, `regionOf` names each hit's region. */
  | { kind: "passages"; hits: PassageHit[]; whichRegion: boolean; regionOf: Array<string | undefined>; regionId?: string; terms: QueryTerm[]; asks: AnswerType }
  /** The rest of the previous answer ("kerro lisää"). */
  | { kind: "more"; of: Plan }
  | { kind: "ambiguous"; mention: RegionMention; metrics: string[] }
  | { kind: "unknown"; regionId?: string; years?: number[] };

/** An entry must be named by at least this much word weight to be answered. */
const ENTRY_MIN = 0.5;
const DEFAULT_TOP = 5;
/** The tour as a topic: with a region named and "milloin", its meeting date. */
const TOUR_ENTRY = "aluekierros";

export function planFor(u: Understanding, k: Knowledge, previous: Plan | undefined, understander: Understander, text = ""): Plan {
  const g = u.groups;
  const resolved = u.regions.filter((m) => m.ids.length === 1);
  const regionIds = [...new Set(resolved.map((m) => m.ids[0]!))];
  const ambiguous = u.regions.find((m) => m.ids.length > 1);
  const sections = SECTIONS.filter((s) => g.has(s));
  const perResident = g.has("per-resident");
  const entries = u.entries.filter((e) => e.score >= ENTRY_MIN);
  const ranking = g.has("most") || g.has("least") || g.has("rank") || g.has("total") || !!u.threshold;
  const stepN = u.stepNumbers.length === 1 ? u.stepNumbers[0] : u.ordinals.find((n) => n <= 5);
  const regionId = regionIds[0];

  // Something no source gives (a phone number, doctors): no region or topic makes it answerable.
  if (u.unknowable.length > 0) return { kind: "unknown", ...(regionId ? { regionId } : {}) };
  if (previous && g.has("more") && u.topicWords.length === 0 && regionIds.length === 0 && u.metrics.length === 0 && !(previous.kind === "steps" && stepN)) return { kind: "more", of: previous };
  // "Mitä Pirkanmaa lupasi?" – "entä Pohjois-Savo?": the same question about another region.
  if (previous?.kind === "passages" && regionIds.length === 1 && u.topicWords.length === 0 && u.metrics.length === 0 && !ranking && sections.length === 0) {
    return answeringPassages({ ...u, terms: previous.terms, asks: previous.asks }, understander, k, regionIds[0]) ?? { kind: "unknown", regionId: regionIds[0]! };
  }
  const followUp = previous && followUpPlan(u, previous, { regionIds, sections, perResident, ranking, stepN, entries: entries.length });
  if (followUp) return followUp;
  // "kuka sitä johtaa?" after an answer about one region: a question about that region.
  const earlier = previous ? regionsOf(previous) : [];
  // "hyvinvointialueella" right after an answer about one county means that county.
  const pointsBack = g.has("refer") || g.has("there") || g.has("followup") || g.has("county-word");
  if (earlier.length === 1 && regionIds.length === 0 && !ambiguous && pointsBack && u.topicWords.length > 0 && !ranking) {
    const quantity = (u.asks === "count" || u.asks === "amount") && u.countsFigure !== false;
    return regionPlan(u, k, understander, earlier[0]!, [], sections, quantity && u.metrics.length > 0, perResident);
  }

  // "Itä-Suomessa" is a part of Finland the knowledge has no figures for: not the whole country.
  if (g.has("other-area") && regionIds.length === 0) return { kind: "unknown" };
  // A step's own words ("yhteistyörakenne") ask for the step only when no region section is asked:
  // "Mitkä yhteistyörakenteet Etelä-Savossa on?" is about Etelä-Savo's structures.
  // Words of one step ("yhteistyörakenne") without "askel" go to passage search, where the step's
  // own passages compete with the findings that use the same words.
  if (u.steps && u.asks !== "which-region") return { kind: "steps", ...(stepN ? { n: stepN } : {}), ...(regionIds.length === 1 ? { regionId: regionIds[0] } : {}) };
  if (ambiguous && regionIds.length === 0) return { kind: "ambiguous", mention: ambiguous, metrics: u.metrics };
  const inTourOrder = regionByTourOrder(u, k, text);
  if (inTourOrder) return { kind: "region", regionId: inTourOrder, metrics: [], sections: ["tour"], perResident: false };

  const defaultFor = (use: "size" | "per-resident") => k.metrics.find((m) => m.default_for === use)?.id;
  const sizeAsked = ranking && (g.has("county-word") || g.has("area-word"));
  const metric = u.metrics[0] ?? (perResident ? defaultFor("per-resident") : sizeAsked ? defaultFor("size") : undefined);
  // A figure is asked when the question wants a number, or names nothing but the figure: "Mitä
  // Pohjois-Savo lupasi järjestöille?" names NGOs but asks for a promise.
  // "Millä alueella on eniten järjestöjä?" asks a figure; "Millä alueella on innovaatioavustus?" a passage.
  const quantity = ((u.asks === "count" || u.asks === "amount") && u.countsFigure !== false) || (u.asks === "which-region" && u.topicWords.length === 0);
  const figureAsked = !!metric && (quantity || ranking || perResident || u.topicWords.length === 0);
  // "Paljonko Lappi sai rahaa vuonna 2025?": a figure describing another year is not an answer.
  if (figureAsked && u.years.length > 0 && !describesYear(k, regionIds, metric, u.years))
    return { kind: "unknown", years: u.years, ...(regionId ? { regionId } : {}) };

  if (figureAsked && (ranking || (perResident && regionIds.length === 0) || (u.asks === "which-region" && regionIds.length === 0)) && (regionIds.length === 0 || (regionIds.length === 1 && g.has("without")))) {
    return rankingPlan(u, metric, regionIds);
  }
  // Two or more regions: a comparison of the figures asked ("Sijoita Keski-Suomi, Pohjois-Savo ja
  // Kymenlaakso järjestöavustusten mukaan", "Kumpi on isompi, Kainuu vai Keski-Pohjanmaa?").
  const comparing = g.has("compare") || g.has("rank") || g.has("most") || g.has("least");
  if (regionIds.length >= 2 && !g.has("without") && (figureAsked || u.topicWords.length === 0 || (comparing && !!metric))) {
    const metrics = u.metrics.length ? u.metrics : comparing && metric ? [metric] : [];
    return { kind: "compare", regionIds, metrics, perResident };
  }
  if (regionId) return regionPlan(u, k, understander, regionId, resolved, sections, figureAsked, perResident);

  // "Kuinka monta jäsentä sote-järjestöissä on?" asks a number, but of members: a figure of the
  // regions only when nothing else is named, or a ranking is asked.
  if (figureAsked && (ranking || perResident || (u.topicWords.length === 0 && u.unknown.length === 0))) return rankingPlan(u, metric, [], !ranking);
  // "missä sitä käynnistettiin?" after "Mikä on OLKA?": the same entry's passages first.
  const earlierEntry = previous?.kind === "entry" ? previous.id : previous?.kind === "passages" && !previous.whichRegion ? previous.hits[0]?.passage.entryId : undefined;
  if (earlierEntry && pointsBack && entries.length === 0) {
    const within = answeringPassages(u, understander, k, undefined, earlierEntry);
    if (within) return within;
  }
  const passages = answeringPassages(u, understander, k);
  if (passages) return passages;
  if (figureAsked && u.unknown.length === 0 && entries.length === 0) return rankingPlan(u, metric, [], true);
  if (entries.length > 0 && definitional(u)) return { kind: "entry", id: entries[0]!.id, alternatives: entries.slice(1, 3).map((e) => e.id) };
  if ((g.has("help") || g.has("greeting") || g.has("thanks")) && u.unknown.length <= 1) return { kind: "help" };
  return { kind: "unknown" };
}

/** A question naming one region: its figures or sections, or the passages about it that answer. */
export function regionPlan(u: Understanding, k: Knowledge, understander: Understander, regionId: string, resolved: RegionMention[], sections: Section[], figureAsked: boolean, perResident: boolean): Plan {
  const readAs = resolved.find((m) => m.fuzzy || m.partial);
  const base = { kind: "region" as const, regionId, perResident, ...(readAs ? { readAs } : {}) };
  const known = u.topicWords.filter((w) => understander.index.knows(w, u.language) || understander.index.knows(w.slice(0, -1), u.language));
  // "Montako järjestöä kuuluu Keusoten Hyte-verkostoon?" counts NGOs of something narrower than
  // the region: only a passage about that can answer. Unknown words beside a figure are verbs.
  if (figureAsked && known.length > 0 && !u.groups.has("per-resident")) {
    const passages = answeringPassages(u, understander, k, regionId);
    if (passages) return passages;
    if (u.entries.some((e) => e.score >= 0.5)) return { kind: "unknown", regionId };
  }
  if (figureAsked) return { ...base, metrics: u.metrics, sections: sections.filter((s) => s === "tour") };
  // "Milloin aluekierros kävi Keski-Suomessa?": the date of the region's tour meeting.
  // "Monesko Kainuu oli aluekierroksen järjestyksessä?": its meeting's date and place in the order.
  const tourAsked = sections.includes("tour") || u.entries.some((e) => e.id === TOUR_ENTRY);
  const quantity = u.asks === "count" || u.asks === "amount";
  if (tourAsked && !quantity && u.metrics.length === 0 && (u.asks === "when" || u.groups.has("rank") || u.groups.has("tour"))) return { ...base, metrics: [], sections: ["tour"] };
  const topical = u.topicWords.length > 0;
  if (!topical && (sections.length > 0 || perResident)) return { ...base, metrics: [], sections };
  if (topical) {
    const passages = answeringPassages(u, understander, k, regionId);
    if (passages) return passages;
    // A section asked with words the passages do not hold ("Lapin järjestöneuvottelukunta") still
    // answers with the section, which names them.
    if (sections.length > 0 && u.unknown.length === 0) return { ...base, metrics: [], sections };
    return { kind: "unknown", regionId };
  }
  if (u.asks === "who" || u.asks === "when" || u.asks === "why") return { kind: "unknown", regionId };
  return { ...base, metrics: [], sections: [] };
}

/** "Mikä on STEA?", "hyte": the question names the entry and asks nothing narrower. */
function definitional(u: Understanding): boolean {
  return u.unknown.length === 0 && u.asks !== "who" && u.asks !== "when" && u.asks !== "count" && u.asks !== "amount";
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

export function rankingPlan(u: Understanding, metric: string, regionIds: string[], all = false): Plan {
  const g = u.groups;
  const without = g.has("without") ? regionIds : [];
  const top = u.threshold ? 30 : (u.counts.find((n) => n > 1) ?? (all || g.has("rank") ? 30 : u.asks === "which-region" && !g.has("most") && !g.has("least") ? 1 : DEFAULT_TOP));
  return {
    kind: "ranking",
    metric,
    least: (g.has("least") && !g.has("most")) || u.threshold?.op === "below",
    perResident: g.has("per-resident"),
    countiesOnly: g.has("county-word") && !g.has("including"),
    exclude: without,
    top,
    total: g.has("total"),
    ...(u.threshold ? { threshold: u.threshold } : {}),
  };
}

