// BM25 over passages, one index per language. A passage's terms come from its text (in that
// language, or Finnish where it has no translation), its label and the words of its entry; a
// query term also meets the index terms that are forms of the same word (terms.ts: related).
// Built once per knowledge version; a query touches only the postings of its own terms.
import type { Knowledge } from "../knowledge/load.js";
import type { Language, Text } from "../knowledge/schema.js";
import { buildPassages, type Passage } from "./passages.js";
import { withKnowledgeStems } from "../text/stem-table.js";
import { compoundTails, related, textTerms } from "../text/terms.js";

export interface QueryTerm {
  term: string;
  weight: number;
  /** Other forms that count as this term (a synonym's stem, the word without a clitic). */
  alts?: string[];
  /** A word saying what kind of passage is wanted ("tapaamisessa", "huomiot"): it ranks, but a passage need not hold it. */
  weak?: boolean;
}

export interface PassageHit {
  passage: Passage;
  score: number;
  /** The query terms this passage holds (a form of each), for deciding whether it answers. */
  matched: Set<string>;
  /** How closely each matched term was met: 1 the same stem, less for a related form. */
  closeness: Map<string, number>;
}

interface Posting {
  doc: number;
  tf: number;
}

interface LanguageIndex {
  postings: Map<string, Posting[]>;
  /** Each passage's terms with their weighted frequency: a narrowed search reads these, not every posting. */
  docTerms: Array<Map<string, number>>;
  /** Index terms by their first four letters, to find related forms without a scan. */
  byPrefix: Map<string, string[]>;
  lengths: number[];
  average: number;
  /** A query term's forms in this index, found once: questions repeat their words. */
  variants: Map<string, Array<[string, number]>>;
}

// Field weights: the passage's own text counts most; its label and its entry's word list help
// find the right entry, compound tails help a little.
const TEXT = 1;
const LABEL = 0.6;
const WORDS = 0.4;
const TAIL = 0.4;
const K1 = 1.2;
const B = 0.6;
const RELATED = 0.7;
/** More passages than any answer weighs: the rest are never read. */
const SEARCH_LIMIT = 40;
/** How many of a word's postings a search reads, best first (all of them in a knowledge of today's size). */
const POSTINGS_READ = 1000;
/** A verb form and its noun or participle ("käyttää", "käytetään"): a short stem's longer relative. */
const LOOSE = 0.4;

export interface PassageIndex {
  passages: Passage[];
  /** The best `limit` passages that hold any of the terms, best first; only those `within` a set when one is given. */
  search(terms: QueryTerm[], lang: Language, within?: ReadonlySet<Passage>, limit?: number): PassageHit[];
  /** Whether a term occurs anywhere in the knowledge (in any form). */
  knows(term: string, lang: Language): boolean;
  /**
   * How rare a term is (BM25's idf, through its most common form), or undefined when the
   * knowledge holds no form of it.
   */
  idf(term: QueryTerm, lang: Language): number | undefined;
}

export function buildPassageIndex(k: Knowledge, stop: Set<string>): PassageIndex {
  const passages = buildPassages(k);
  const docOf = new Map(passages.map((p, doc) => [p, doc]));
  // Finnish is built at once; Swedish and English when first asked in them, so a reload costs
  // what most questions need.
  const built = new Map<Language, LanguageIndex>();
  const indexes = {
    get(lang: Language): LanguageIndex {
      let index = built.get(lang);
      if (!index) built.set(lang, (index = withKnowledgeStems(() => buildLanguage(passages, lang, stop))));
      return index;
    },
  };
  indexes.get("fi");

  const variants = (index: LanguageIndex, term: string): Array<[string, number]> => {
    const cache = index.variants;
    const known = cache.get(term);
    if (known) return known;
    const out: Array<[string, number]> = [];
    if (index.postings.has(term)) out.push([term, 1]);
    for (const t of index.byPrefix.get(term.slice(0, 4)) ?? []) {
      if (t === term) continue;
      if (related(term, t)) out.push([t, RELATED]);
      else if (looselyRelated(term, t)) out.push([t, LOOSE]);
    }
    if (out.length === 0) for (const tail of compoundTails(term, (t) => index.postings.has(t))) out.push([tail, TAIL]);
    if (cache.size > 20_000) cache.clear();
    cache.set(term, out);
    return out;
  };

  const forms = (index: LanguageIndex, q: QueryTerm) => (q.alts?.length ? [q.term, ...q.alts].flatMap((t) => variants(index, t)) : variants(index, q.term));
  const idfOf = (df: number) => Math.log(1 + (passages.length - df + 0.5) / (df + 0.5));
  const scoreOf = new Float64Array(passages.length);
  const seen = new Uint8Array(passages.length);
  let closenessOf = new Float64Array(passages.length * 8);

  return {
    passages,
    knows: (term, lang) => variants(indexes.get(lang), term).length > 0,
    idf(q, lang) {
      const index = indexes.get(lang);
      const found = forms(index, q);
      if (!found.length) return undefined;
      // The rarity of the word itself: through its closest forms, not a loose relative that is common.
      const closest = Math.max(...found.map(([, c]) => c));
      return idfOf(Math.max(...found.filter(([, c]) => c === closest).map(([t]) => index.postings.get(t)!.length)));
    },
    search(terms, lang, within, limit = SEARCH_LIMIT) {
      const index = indexes.get(lang);
      // Per passage: its score and how closely each query term was met (by the term's position),
      // in arrays reused from search to search: a question allocates only its hits.
      if (closenessOf.length < passages.length * terms.length) closenessOf = new Float64Array(passages.length * terms.length * 2);
      const touched: number[] = [];
      // The passages searched within, as index numbers, read once rather than once per form of every term.
      const docs = within && Array.from(within, (p) => docOf.get(p)!);
      const add = (doc: number, qi: number, weight: number, idf: number, tf: number, closeness: number) => {
        if (!seen[doc]) {
          seen[doc] = 1;
          scoreOf[doc] = 0;
          closenessOf.fill(0, doc * terms.length, (doc + 1) * terms.length);
          touched.push(doc);
        }
        // A query term counts once per passage, through its best-matching form.
        const at = doc * terms.length + qi;
        const before = closenessOf[at]!;
        if (closeness > before) {
          const norm = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * index.lengths[doc]!) / index.average));
          scoreOf[doc] = scoreOf[doc]! + weight * idf * norm * (closeness - before);
          closenessOf[at] = closeness;
        }
      };
      terms.forEach((q, qi) => {
        for (const [t, closeness] of forms(index, q)) {
          const list = index.postings.get(t)!;
          const idf = idfOf(list.length);
          if (docs) {
            for (const doc of docs) {
              const tf = index.docTerms[doc]!.get(t);
              if (tf) add(doc, qi, q.weight, idf, tf, closeness);
            }
          } else {
            // Postings are in impact order: past the first few thousand, a very common word adds
            // only to passages that rank far below the ones any answer reads.
            const n = Math.min(list.length, POSTINGS_READ);
            for (let i = 0; i < n; i++) add(list[i]!.doc, qi, q.weight, idf, list[i]!.tf, closeness);
          }
        }
      });
      for (const doc of touched) seen[doc] = 0;
      const best = touched.sort((a, b) => scoreOf[b]! - scoreOf[a]!).slice(0, limit);
      return best.map((doc) => {
        const closeness = new Map<string, number>();
        for (let qi = 0; qi < terms.length; qi++) {
          const c = closenessOf[doc * terms.length + qi]!;
          if (c > 0) closeness.set(terms[qi]!.term, Math.max(c, closeness.get(terms[qi]!.term) ?? 0));
        }
        return { passage: passages[doc]!, score: scoreOf[doc]!, matched: new Set(closeness.keys()), closeness };
      });
    },
  };
}

/**
 * The terms of every text an index has read, by the language it was stemmed in, while the stop
 * words stay the same: a reload after one file's edit reads only the texts that changed.
 */
let read: { stop: Set<string>; terms: Record<Language, Map<string, string[]>> } | undefined;
/** Texts remembered per language: many times today's knowledge; past it, reading starts afresh. */
const TEXTS_KEPT = 50_000;

function termsReader(stop: Set<string>): (text: string, lang: Language) => string[] {
  const same = read && (read.stop === stop || (read.stop.size === stop.size && [...stop].every((w) => read!.stop.has(w))));
  if (!read || !same) read = { stop, terms: { fi: new Map(), sv: new Map(), en: new Map() } };
  const { terms } = read;
  return (text, lang) => {
    let out = terms[lang].get(text);
    if (!out) {
      out = textTerms(text, lang, stop);
      if (terms[lang].size >= TEXTS_KEPT) terms[lang].clear();
      terms[lang].set(text, out);
    }
    return out;
  };
}

function buildLanguage(passages: Passage[], lang: Language, stop: Set<string>): LanguageIndex {
  const postings = new Map<string, Posting[]>();
  const docTerms: Array<Map<string, number>> = [];
  const lengths: number[] = [];
  const termsOf = termsReader(stop);
  // An entry's word list is shared by all its passages, and long terms repeat: both are read once.
  const wordTerms = new Map<string[], string[]>();
  const tails = new Map<string, string[]>();
  const termsOfWords = (words: string[]) => {
    let out = wordTerms.get(words);
    if (!out) wordTerms.set(words, (out = [...new Set(words.flatMap((w) => termsOf(w, lang)))]));
    return out;
  };
  const tailsOf = (t: string) => {
    let out = tails.get(t);
    if (!out) tails.set(t, (out = allTails(t)));
    return out;
  };
  passages.forEach((p, doc) => {
    const tf = new Map<string, number>();
    const add = (terms: string[], w: number) => terms.forEach((t) => tf.set(t, (tf.get(t) ?? 0) + w));
    const own = textIn(p.text, lang);
    const textTermsList = termsOf(own.text, own.lang);
    add(textTermsList, TEXT);
    add(termsOf(textIn(p.label, lang).text, own.lang), LABEL);
    add(termsOfWords(p.words), WORDS / Math.max(1, p.words.length / 10));
    for (const t of textTermsList) if (t.length >= 8) add(tailsOf(t), TAIL);
    for (const [t, f] of tf) {
      const list = postings.get(t);
      if (list) list.push({ doc, tf: f });
      else postings.set(t, [{ doc, tf: f }]);
    }
    docTerms.push(tf);
    lengths.push(textTermsList.length + 2);
  });
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  // Each word's postings, the passages where it weighs most first.
  const impact = (p: Posting) => p.tf / (p.tf + K1 * (1 - B + (B * lengths[p.doc]!) / average));
  for (const list of postings.values()) if (list.length > POSTINGS_READ) list.sort((a, b) => impact(b) - impact(a));
  const byPrefix = new Map<string, string[]>();
  for (const t of postings.keys()) {
    const key = t.slice(0, 4);
    const list = byPrefix.get(key);
    if (list) list.push(t);
    else byPrefix.set(key, [t]);
  }
  return { postings, docTerms, byPrefix, lengths, average, variants: new Map() };
}

/**
 * Forms of one verb or noun that share a long stem but end differently ("käynnistettiin",
 * "käynnistymässä"), or a short stem's longer relative ("käyttää", "käytetään").
 */
function looselyRelated(a: string, b: string): boolean {
  if (a.length === 4) return b.length - a.length <= 5 && b.startsWith(a);
  let lcp = 0;
  while (lcp < a.length && a[lcp] === b[lcp]) lcp++;
  // The shared part must be most of the shorter word: compounds that only share their first part
  // ("järjestöareena", "järjestöavustus") are other words.
  return lcp >= 8 && lcp >= Math.min(a.length, b.length) - 3;
}

/** Every tail of five letters or more: the index side of compound matching. */
function allTails(term: string): string[] {
  const out: string[] = [];
  for (let i = 3; term.length - i >= 5; i++) out.push(term.slice(i));
  return out;
}

/** A text in the language asked, or in Finnish when it has no translation (stemmed as Finnish). */
export function textIn(t: Text, lang: Language): { text: string; lang: Language } {
  if (typeof t === "string") return { text: t, lang: "fi" };
  const own = t[lang];
  return own ? { text: own, lang } : { text: t.fi, lang: "fi" };
}
