// BM25 over passages, one index per language. A passage's terms come from its text (in that
// language, or Finnish where it has no translation), its label and the words of its entry; a
// query term also meets the index terms that are forms of the same word (terms.ts: related).
// Built once per knowledge version; a query touches only the postings of its own terms.
import type { Knowledge } from "../knowledge/load.js";
import type { Language, Text } from "../knowledge/schema.js";
import { buildPassages, type Passage } from "./passages.js";
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
  /** Index terms by their first four letters, to find related forms without a scan. */
  byPrefix: Map<string, string[]>;
  lengths: number[];
  average: number;
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
/** A verb form and its noun or participle ("käyttää", "käytetään"): a short stem's longer relative. */
const LOOSE = 0.4;

export interface PassageIndex {
  passages: Passage[];
  search(terms: QueryTerm[], lang: Language, filter?: (p: Passage) => boolean): PassageHit[];
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
  // Finnish is built at once; Swedish and English when first asked in them, so a reload costs
  // what most questions need.
  const built = new Map<Language, LanguageIndex>();
  const indexes = {
    get(lang: Language): LanguageIndex {
      let index = built.get(lang);
      if (!index) built.set(lang, (index = buildLanguage(passages, lang, stop)));
      return index;
    },
  };
  indexes.get("fi");

  const variants = (index: LanguageIndex, term: string): Array<[string, number]> => {
    const out: Array<[string, number]> = [];
    if (index.postings.has(term)) out.push([term, 1]);
    for (const t of index.byPrefix.get(term.slice(0, 4)) ?? []) {
      if (t === term) continue;
      if (related(term, t)) out.push([t, RELATED]);
      else if (looselyRelated(term, t)) out.push([t, LOOSE]);
    }
    if (out.length === 0) for (const tail of compoundTails(term, (t) => index.postings.has(t))) out.push([tail, TAIL]);
    return out;
  };

  const forms = (index: LanguageIndex, q: QueryTerm) => [q.term, ...(q.alts ?? [])].flatMap((t) => variants(index, t));
  const idfOf = (df: number) => Math.log(1 + (passages.length - df + 0.5) / (df + 0.5));

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
    search(terms, lang, filter) {
      const index = indexes.get(lang);
      const scores = new Map<number, { score: number; matched: Set<string>; closeness: Map<string, number> }>();
      for (const q of terms) {
        const { term, weight } = q;
        for (const [t, closeness] of forms(index, q)) {
          const list = index.postings.get(t)!;
          const idf = idfOf(list.length);
          for (const { doc, tf } of list) {
            if (filter && !filter(passages[doc]!)) continue;
            const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + (B * index.lengths[doc]!) / index.average));
            const s = scores.get(doc) ?? { score: 0, matched: new Set<string>(), closeness: new Map<string, number>() };
            // A query term counts once per passage, through its best-matching form.
            const before = s.closeness.get(term) ?? 0;
            if (closeness > before) {
              s.score += weight * idf * norm * (closeness - before);
              s.closeness.set(term, closeness);
            }
            s.matched.add(term);
            scores.set(doc, s);
          }
        }
      }
      return [...scores]
        .map(([doc, s]) => ({ passage: passages[doc]!, score: s.score, matched: s.matched, closeness: s.closeness }))
        .sort((a, b) => b.score - a.score);
    },
  };
}

function buildLanguage(passages: Passage[], lang: Language, stop: Set<string>): LanguageIndex {
  const postings = new Map<string, Posting[]>();
  const lengths: number[] = [];
  // An entry's word list is shared by all its passages, and long terms repeat: both are read once.
  const wordTerms = new Map<string[], string[]>();
  const tails = new Map<string, string[]>();
  const termsOfWords = (words: string[]) => {
    let out = wordTerms.get(words);
    if (!out) wordTerms.set(words, (out = [...new Set(words.flatMap((w) => textTerms(w, lang, stop)))]));
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
    const textTermsList = textTerms(own.text, own.lang, stop);
    add(textTermsList, TEXT);
    add(textTerms(textIn(p.label, lang).text, own.lang, stop), LABEL);
    add(termsOfWords(p.words), WORDS / Math.max(1, p.words.length / 10));
    for (const t of textTermsList) if (t.length >= 8) add(tailsOf(t), TAIL);
    for (const [t, f] of tf) {
      const list = postings.get(t);
      if (list) list.push({ doc, tf: f });
      else postings.set(t, [{ doc, tf: f }]);
    }
    lengths.push(textTermsList.length + 2);
  });
  const byPrefix = new Map<string, string[]>();
  for (const t of postings.keys()) {
    const key = t.slice(0, 4);
    const list = byPrefix.get(key);
    if (list) list.push(t);
    else byPrefix.set(key, [t]);
  }
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { postings, byPrefix, lengths, average };
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
