// Index terms for passage search. Snowball gives one Finnish word several stems (avustus /
// avustuks, kumppanuus / kumppanuud, vapaaehtoin / vapaaehtois), so stems are brought to one
// canonical form, and terms that differ only in a short ending still meet through `related`
// (lupa~lupaus, rake~rakent). Compounds meet their last part: "järjestöavustus" also indexes
// "avustus".
import { fold, tokenize } from "./normalise.js";
import { remembered } from "./memo.js";
import { stem } from "./stem.js";
import { madeStem, storedStem } from "./stem-table.js";
import type { Language } from "./language.js";

/** Finnish stem endings that mark the same word in another case: brought to one form. */
const CANONICAL: Array<[RegExp, string]> = [
  [/(u|y|i)ks(e)?$/, "$1s"], // avustuks(e) -> avustus
  [/(uu|yy)(d|t)$/, "$1s"], // kumppanuud -> kumppanuus
  [/(us|ys)t$/, "$1"], // avustust (avustusten) -> avustus
  [/(.{5,})(in|ist)$/, "$1is"], // vapaaehtoin, vapaaehtoist -> vapaaehtois
  [/(.{4,}?)t?t?amis$/, "$1"], // purkamis (purkaminen) -> purk (purkaa), osittamis -> osit
  [/(.{5,}[uy])iv?$/, "$1"], // osallistui, osallistuivat -> osallistu (osallistujia): the past of -ua verbs
];
/** Swedish strong verbs the stemmer leaves in the past: "deltog" is "deltag" (deltagare, deltagit). */
const CANONICAL_SV: Array<[RegExp, string]> = [[/(.{2,})tog$/, "$1tag"]];

// Snowball gives base and inflected forms of some Finnish words different stems (avustus vs
// avustuksia, kumppanuus vs kumppanuuden, vapaaehtoinen vs vapaaehtoisia), so the knowledge side
// is expanded to typical inflected forms before stemming: both sides then meet on a shared stem.
// Questions and knowledge repeat their words: each is brought to its form once.
const canonical = {
  fi: remembered(50_000, (word: string) => canonicalOf(word, "fi")),
  sv: remembered(50_000, (word: string) => canonicalOf(word, "sv")),
  en: remembered(50_000, (word: string) => canonicalOf(word, "en")),
};

export function canonicalStem(word: string, lang: Language): string {
  return canonical[lang](word);
}

function canonicalOf(word: string, lang: Language): string {
  // A new process finds most knowledge words in the stems an earlier one kept (stem-table.ts).
  let s = storedStem(word, lang);
  if (s === undefined) {
    s = stem(word, lang);
    if (lang === "fi") for (const [re, to] of CANONICAL) s = s.replace(re, to);
    if (lang === "sv") for (const [re, to] of CANONICAL_SV) s = s.replace(re, to);
    madeStem(word, lang, s);
  }
  return s;
}

export const MIN_TERM = 3;
const MIN_PART = 5;

// Finnish consonant gradation: "lupasi" and "luvannut", "rakenne" and "rakenteet". A query word
// also tries its stem with the last consonant in the other grade.
const GRADES: Array<[string, string]> = [
  ["pp", "p"], ["tt", "t"], ["kk", "k"], ["nt", "nn"], ["mp", "mm"], ["lt", "ll"], ["rt", "rr"], ["nk", "ng"], ["p", "v"], ["t", "d"],
];

/** Each query term's variants, made once: questions repeat their words. */
export const gradationVariants: (term: string) => readonly string[] = remembered(20_000, (term: string) => gradationsOf(term));

function gradationsOf(term: string): string[] {
  const out = new Set<string>();
  const vowel = (c: string | undefined) => !!c && "aeiouy".includes(c);
  for (const [strong, weak] of GRADES) {
    for (const [from, to] of [[strong, weak], [weak, strong]] as const) {
      const at = term.lastIndexOf(from);
      // Gradation happens at a syllable boundary: the consonant follows a vowel or l, r, n.
      const before = term[at - 1];
      if (at < 2 || at + from.length < term.length - 3 || !(vowel(before) || "lrn".includes(before ?? "-"))) continue;
      if (from.length === 1 && to.length === 2 && !vowel(term[at + 1]) && at + 1 < term.length) continue;
      out.add(term.slice(0, at) + to + term.slice(at + from.length));
    }
  }
  out.delete(term);
  return [...out].filter((t) => t.length >= 4);
}

/** The canonical stems of a text's content words, with compound tails for long Finnish words. */
export function textTerms(text: string, lang: Language, stop: Set<string>): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (stop.has(t.word)) continue;
    // Years and larger numbers are content ("vuonna 2024", "35 000 asukkaan raja"); small ones are not.
    if (/^\d+$/.test(t.word)) {
      if (Number(t.word) > 30) out.push(t.word);
      continue;
    }
    const s = canonicalStem(t.word, lang);
    if (s.length < MIN_TERM) continue;
    out.push(s);
  }
  return out;
}

/** Tails of a long stem that are words of their own ("jarjestoavustus" -> "avustus"). */
export function compoundTails(term: string, known: (t: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 3; term.length - i >= MIN_PART; i++) if (known(term.slice(i))) out.push(term.slice(i));
  return out;
}

/**
 * Whether a query term and an index term are forms of one word that canonical stems missed:
 * one is the other plus at most three letters, and the shorter has four letters or more.
 */
export function related(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // A four-letter stem one letter short of another is usually another word ("kesk", "kesku").
  const extra = long.length - short.length;
  if ((short.length >= 5 ? extra <= 3 : short.length === 4 && extra >= 2 && extra <= 3) && long.startsWith(short)) return true;
  // "keskustelt" (keskusteltiin) and "keskustelu": the same word but for its last letter or so.
  let lcp = 0;
  while (lcp < short.length && short[lcp] === long[lcp]) lcp++;
  return lcp >= 6 && lcp >= short.length - 1 && long.length - lcp <= 2;
}

export { fold };
