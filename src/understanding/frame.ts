// A question as a frame: what is asked (figures, a region's sections, the steps, an entry, a
// topic's words), of which regions, with which operator (ranking, comparison, threshold, sum)
// and modifiers (per resident, without, top n, year), and how it points back at the previous
// answer. A follow-up edits the previous frame (follow-up.ts); candidates are read from the
// result (src/decision).
import type { Language } from "../knowledge/schema.js";
import type { AnswerType } from "./answer-type.js";
import type { RegionMention } from "./region-names.js";
import type { Threshold } from "./threshold.js";
import { readDate } from "./tour-order.js";
import type { ContentTerm, Understanding } from "./understand.js";

export type Section = "structures" | "highlights" | "tour";
export const SECTIONS: Section[] = ["structures", "highlights", "tour"];

export interface Frame {
  language: Language;
  // What is asked.
  metrics: string[];
  sections: Section[];
  steps: boolean;
  stepN?: number;
  /** Entries the question names, best first. */
  entries: string[];
  terms: ContentTerm[];
  topicWords: string[];
  asks: AnswerType;
  /** A share of a whole is asked ("kuinka suuri osa…"): a percentage or a fraction answers. */
  share: boolean;
  counted?: string;
  countsFigure?: boolean;
  /** A date the question names ("5.5.2023"): which meeting of the tour. */
  date?: { day: number; month: number; year?: number };
  // Of which regions.
  regions: string[];
  ambiguous?: RegionMention;
  /** A name read loosely (a typo, a city for its county): the answer says how it was read. */
  readAs?: RegionMention;
  /** "meidän alueella", "here": the asker's own region, unnamed. */
  here: boolean;
  // Operator and modifiers.
  ranking: boolean;
  least: boolean;
  most: boolean;
  total: boolean;
  /** "järjestyksessä", "kaikki alueet": every area, not the first few. */
  listAll: boolean;
  top?: number;
  threshold?: Threshold;
  compare: boolean;
  perResident: boolean;
  /** "per järjestö": divided by the region's NGOs. */
  perNgo: boolean;
  exclude: string[];
  including: boolean;
  /** "hyvinvointialue" rather than "alue": Helsinki, which is not a county, is left out. */
  countiesOnly: boolean;
  /** "alue", "hyvinvointialue": the question is about areas ("suurin alue"). */
  areaWord: boolean;
  /** Only these regions take part ("mikä niistä on pienin?" after a list). */
  within?: string[];
  /** The entry the conversation is about (the previous answer's): its passages are searched too. */
  focus?: string;
  years: number[];
  // How the question points back.
  followup: boolean;
  refers: boolean;
  /** An ordinal: which one of a list ("se kolmas", "toisena"). */
  pick?: number;
  first: boolean;
  last: boolean;
  more: boolean;
  /** "kerro Lapista", "tell me about…": the region or entry as a whole. */
  overview: boolean;
  // Outside the facts.
  help: boolean;
  unknowable: boolean;
  /** A part of Finland that is not a county ("Itä-Suomessa"): no figures exist for it. */
  otherArea: boolean;
  /** A municipality named instead of a region ("Tampereen kaupunki"): no figures of its own exist. */
  municipality: boolean;
  /** The whole country ("Suomessa", "in Finland"): a national figure, not the areas' ones. */
  country: boolean;
  /** Slots kept from the previous frame (empty for a new question). */
  kept: string[];
}

/** The frame of one question, before the conversation is taken into account. */
export function readFrame(u: Understanding, text: string): Frame {
  const g = u.groups;
  const resolved = u.regions.filter((m) => m.ids.length === 1);
  const regions = [...new Set(resolved.map((m) => m.ids[0]!))];
  const ambiguous = u.regions.find((m) => m.ids.length > 1);
  const readAs = resolved.find((m) => m.fuzzy || m.partial);
  const stepN = u.stepNumbers.length === 1 ? u.stepNumbers[0] : u.steps ? u.ordinals.find((n) => n <= 5) : undefined;
  // A pronoun or "there" points at what the previous answer was about; "entä", "och" continue it.
  const points = g.has("refer") || g.has("there");
  // "enemmän ku Keski-Uusimaa", "isompi kuin Kainuu": a comparative with a region compares, where
  // "yli 2 miljoonaa" (a number) is a threshold and "eniten" alone a ranking.
  // "miks niin vähän, kun asukkaita on yli 200 000?": a why-question states the number, it does not filter by it.
  const threshold = u.asks === "why" ? undefined : u.threshold;
  const comparative = !threshold && ["above", "below", "most", "least"].some((x) => g.has(x));
  const compare = g.has("compare") || (comparative && (regions.length >= 2 || (regions.length === 1 && points)));
  const date = readDate(text);
  return {
    language: u.language,
    metrics: u.metrics,
    sections: SECTIONS.filter((s) => g.has(s)),
    steps: u.steps,
    ...(stepN !== undefined ? { stepN } : {}),
    entries: u.entries.filter((e) => e.score >= 0.5).map((e) => e.id),
    terms: u.terms,
    topicWords: u.topicWords,
    asks: u.asks,
    share: g.has("ask-share"),
    // What a share is of is not a count asked: "osa osallistujista" is answered by a percentage.
    ...(u.counted !== undefined && !g.has("ask-share") ? { counted: u.counted, countsFigure: u.countsFigure } : {}),
    ...(date ? { date } : {}),
    regions,
    ...(ambiguous ? { ambiguous } : {}),
    ...(readAs ? { readAs } : {}),
    here: g.has("home") && regions.length === 0,
    ranking: ((g.has("most") || g.has("least")) && !compare) || g.has("rank") || g.has("total") || !!threshold,
    least: (g.has("least") && !g.has("most")) || threshold?.op === "below",
    most: g.has("most"),
    total: g.has("total"),
    listAll: g.has("rank"),
    ...(u.counts.some((n) => n > 1) ? { top: u.counts.find((n) => n > 1)! } : {}),
    ...(threshold ? { threshold } : {}),
    compare,
    perResident: g.has("per-resident"),
    perNgo: g.has("per-ngo"),
    exclude: u.excluded,
    including: g.has("including") || u.included.length > 0,
    countiesOnly: g.has("county-word") && !g.has("including"),
    areaWord: g.has("county-word") || g.has("area-word"),
    years: u.years,
    followup: g.has("followup"),
    refers: points,
    // "se kolmas", "toisena": an ordinal that is not a step's picks one of a list.
    ...(!u.steps && u.ordinals.length ? { pick: u.ordinals[0]! } : {}),
    first: g.has("first"),
    last: g.has("last"),
    more: g.has("more"),
    overview: g.has("overview") && !g.has("more"),
    help: g.has("help") || g.has("greeting") || g.has("thanks"),
    unknowable: u.unknowable.length > 0,
    otherArea: g.has("other-area") && regions.length === 0,
    municipality: g.has("municipality") && regions.length === 0,
    country: g.has("country") && regions.length === 0,
    kept: [],
  };
}

/** Whether the frame asks for something of its own (a figure, a section, the steps, a topic). */
export function asksSomething(f: Frame): boolean {
  return f.metrics.length > 0 || f.sections.length > 0 || f.steps || f.entries.length > 0 || f.topicWords.length > 0 || (f.overview && f.regions.length > 0);
}
