// Whether the knowledge answers a question, decided from what is asked rather than from a score:
// the passage must hold the question's rarer content words (most of their weight, a word the
// knowledge lacks weighing most) and the kind of thing asked for — a name for "kuka", a date for
// "milloin", a number for "montako", a region for "millä alueella". A question that names a real
// region and topic but asks for something the knowledge lacks gets "en tiedä".
import type { Knowledge } from "../knowledge/load.js";
import type { PassageHit } from "../retrieval/passage-index.js";
import type { Passage } from "../retrieval/passages.js";
import type { Language } from "../knowledge/schema.js";
import { textIn } from "../retrieval/passage-index.js";
import { canonicalStem, related } from "../retrieval/terms.js";
import { fold, tokenize } from "./normalise.js";
import type { Plan } from "./plan.js";
import type { Understander, Understanding } from "./understand.js";

/** Share of the question's word weight a passage must hold; a named region narrows the search. */
const COVERAGE = 0.6;
const COVERAGE_IN_REGION = 0.5;
/** Companions shown beside the best passage must score at least this share of it. */
const COMPANION = 0.6;
const MAX_COMPANIONS = 2;
const MAX_REGIONS = 6;

/**
 * The passages that answer the question, or undefined. A region narrows the search to passages
 * about it; an entry (a follow-up such as "missä sitä käynnistettiin?") to that entry's passages.
 */
export function answeringPassages(u: Understanding, understander: Understander, k: Knowledge, regionId?: string, entryId?: string): Plan | undefined {
  if (u.terms.length === 0) return undefined;
  const regionsOfEntry = (id: string | undefined) => (id ? (k.entries.find((e) => e.id === id)?.regions ?? []) : []);
  const filter = regionId
    ? (p: Passage) => understander.regionsOf(p.id).includes(regionId)
    : entryId
      ? (p: Passage) => p.entryId === entryId
      : undefined;
  const hits = understander.search(u, filter);
  if (hits.length === 0) return undefined;

  // A word the knowledge lacks weighs as much as the question's most telling known word: it may
  // be the very thing asked ("Oulussa", "alijäämä"), or only a verb ("tapahtui"), which the
  // other words then outweigh.
  // Each term's rarity, looked up once; undefined for a term the knowledge lacks.
  const rarity = new Map(u.terms.map((t) => [t.term, understander.index.idf(t, u.language)]));
  const knownIdf = [...rarity.values()].filter((x): x is number => x !== undefined);
  const unknownIdf = knownIdf.length ? Math.max(...knownIdf) : 1;
  // A year is a condition the passage must meet (below), not a word it must share.
  const words = u.terms.filter((t) => !/^\d+$/.test(t.term) && !t.weak);
  if (words.length === 0) return undefined;
  // A number is given only for what the knowledge names: "Paljonko Fountain Park laskutti?" has
  // the firm and the brainstorm, but no invoice.
  if ((u.asks === "count" || u.asks === "amount") && words.some((t) => rarity.get(t.term) === undefined)) return undefined;
  const idf = new Map(words.map((t) => [t.term, rarity.get(t.term) ?? unknownIdf]));
  const total = [...idf.values()].reduce((a, b) => a + b, 0);
  const coverage = (h: PassageHit) => [...h.matched].reduce((a, t) => a + (idf.get(t) ?? 0) * Math.min(1, (h.closeness.get(t) ?? 0) / 0.7), 0) / total;
  const need = regionId ? COVERAGE_IN_REGION : COVERAGE;
  const whichRegion = u.asks === "which-region" && !regionId;
  const named = new Set(u.entries.filter((e) => e.score >= 0.5).map((e) => e.id));
  // The region a passage is about: its own, its entry's only region, or the only region it names.
  const regionOf = (p: Passage) => {
    if (p.regionId) return p.regionId;
    const named = understander.regionsOf(p.id);
    return named.length === 1 ? named[0] : undefined;
  };

  const boosted = hits
    .map((h) => {
      let s = h.score;
      if (whichRegion && regionOf(h.passage)) s *= 1.5;
      if (h.passage.entryId && named.has(h.passage.entryId)) s *= 1.3;
      return { ...h, score: s, cover: coverage(h) };
    })
    .sort((a, b) => b.score - a.score);
  const sole = (id: string) => (regionsOfEntry(id).length === 1 ? regionsOfEntry(id)[0] : undefined);
  const fits = (h: PassageHit) => holds(h, u, whichRegion, regionOf, regionId, sole) && describesYears(h.passage, u.years, k);
  const best = boosted.find((h) => h.cover >= need && fits(h));
  if (!best) return undefined;

  let chosen: PassageHit[];
  if (whichRegion) {
    // Every region whose passage answers as well: "Millä alueilla on järjestöneuvottelukunta?"
    const seen = new Set<string>();
    chosen = boosted.filter((h) => {
      const r = regionOf(h.passage);
      if (!r || seen.has(r) || h.cover < best.cover || h.score < best.score * COMPANION || !fits(h)) return false;
      seen.add(r);
      return true;
    }).slice(0, MAX_REGIONS);
  } else {
    const sameSubject = (h: PassageHit) => h.passage.entryId === best.passage.entryId && h.passage.regionId === best.passage.regionId;
    const companions = boosted.filter((h) => h !== best && sameSubject(h) && h.cover >= need && h.score >= best.score * COMPANION && fits(h)).slice(0, MAX_COMPANIONS);
    chosen = [best, ...companions].sort((a, b) => a.passage.order - b.passage.order);
  }
  return { kind: "passages", hits: chosen, whichRegion, regionOf: chosen.map((h) => regionOf(h.passage)), ...(regionId ? { regionId } : {}), terms: u.terms, asks: u.asks };
}

const NAME = /(?<=[\s(,–-])(\p{Lu}[\p{Ll}-]+\s\p{Lu}[\p{Ll}-]+|\p{Lu}{3,}|\p{Lu}[\p{Ll}]+\s(ry|Oy)\b)/u;
/** Who-questions are also answered by a role or a body ("hyvinvointialuejohtaja esittelijänä"). */
const ROLE = /(johtaj|ministeri|puheenjoh|esittelij|koordinaattor|selvityshenkil|jarjestot|toimielin|neuvottelukun|toimikun|kunnat|seurakun|yritykset|maakuntaliit|ryhma|director|minister|chair|direktor|ordforande)/i;
const DATE = /\b(19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\./;

/** How close (in words) a number must stand to a word of the question to be its answer. */
const NUMBER_REACH = 4;

/** Whether a passage holds the kind of thing asked for. */
function holds(h: PassageHit, u: Understanding, whichRegion: boolean, regionOf: (p: Passage) => string | undefined, regionId: string | undefined, sole: (entryId: string) => string | undefined): boolean {
  const p = h.passage;
  const text = typeof p.text === "string" ? p.text : p.text.fi;
  // Words are compared in the language the question's terms were stemmed in.
  const own = textIn(p.text, u.language);
  switch (u.asks) {
    case "who":
      // "Who chairs…?": the passage must hold the role asked about, not just some role.
      if (u.topicWords.some((w) => ROLE.test(w))) return u.terms.every((t) => t.weak || /^\d+$/.test(t.term) || (h.closeness.get(t.term) ?? 0) >= 0.7);
      return NAME.test(text) || ROLE.test(fold(text));
    case "when":
      return DATE.test(text);
    case "count":
    case "amount": {
      // A number for a named region must be the region's own, not a national one that names it.
      if (regionId && p.regionId !== regionId && !(p.entryId && sole(p.entryId) === regionId)) return false;
      // The number must count what was asked: "Montako kriisikeskusta…" is not answered by a grade.
      const about = u.counted && h.matched.has(u.counted) ? [u.counted] : [...h.matched];
      if (p.kind === "fact") {
        const label = tokenize(own.text).map((t) => canonicalStem(t.word, own.lang));
        const named = !u.counted || label.some((t) => names(t, u.counted!));
        return named && (u.asks === "amount" || (p.unit !== "score" && p.unit !== "percent"));
      }
      return numberNear(own.text, about, own.lang);
    }
    default:
      return !whichRegion || !!regionOf(p);
  }
}

/** A number within a few words of one of the question's words: "noin 60 tuottaa sote-palveluja". */
function numberNear(text: string, terms: string[], lang: Language): boolean {
  // A date ("7.4.2020") is not a count.
  const tokens = tokenize(text.replace(/\b\d{1,2}\.\d{1,2}\.(\d{4})?/g, " "));
  const numbers = tokens.flatMap((t, i) => (/^\d/.test(t.word) && !/^(19|20)\d\d$/.test(t.word) ? [i] : []));
  if (numbers.length === 0) return false;
  const hits = tokens.flatMap((t, i) => (terms.some((m) => names(canonicalStem(t.word, lang), m)) ? [i] : []));
  return hits.some((i) => numbers.some((j) => Math.abs(i - j) <= NUMBER_REACH));
}

/** A passage answers a question naming a year only when it describes that year (or a span holding it). */
function describesYears(p: Passage, years: number[], k: Knowledge): boolean {
  if (years.length === 0) return true;
  const text = [p.text, p.label].map((t) => (typeof t === "string" ? t : t.fi)).join(" ");
  const spans = [...text.matchAll(/\b((?:19|20)\d\d)\s*[–-]\s*((?:19|20)\d\d)\b/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const named = [...text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]));
  const dated = p.sources.map((s) => Number((k.sources.get(s)?.as_of ?? "").slice(0, 4)));
  return years.some((y) => named.includes(y) || spans.some(([a, b]) => a <= y && y <= b) || dated.includes(y));
}

/** Whether a word of a passage is the question's word, or a compound of it ("paikallisyhdistys"). */
function names(word: string, term: string): boolean {
  return related(word, term) || word.endsWith(term) || (term.length >= 5 && word.startsWith(term));
}
