// Reads one question, once, into what it names and asks: regions, figures, entries, steps, the
// kind of answer wanted (who, when, how many, which region…), operators (ranking, threshold,
// per resident), years, references to the previous answer, and the content words left over for
// passage search. Deciding what to answer is plan.ts's job.
import type { Knowledge } from "../knowledge/load.js";
import type { Language } from "../knowledge/schema.js";
import { buildPassageIndex, type PassageHit, type PassageIndex, type QueryTerm } from "../retrieval/passage-index.js";
import { canonicalStem, gradationVariants } from "../retrieval/terms.js";
import { answerTypeOf, type AnswerType } from "./answer-type.js";
import { phraseKey, stripClitic, tokenize } from "./normalise.js";
import { createRegionMatcher, regionNameForms, type RegionMention } from "./region-names.js";
import { readThreshold, type Threshold } from "./threshold.js";
import { buildVocabulary, type Vocabulary } from "./vocabulary.js";

export interface Understanding {
  language: Language;
  regions: RegionMention[];
  metrics: string[];
  /** Entry ids with a score: rarer matching words weigh more. */
  entries: Array<{ id: string; score: number }>;
  steps: boolean;
  stepNumbers: number[];
  /** Ordinals and small digits: which step ("toinen askel", "3. askel"). */
  ordinals: number[];
  /** Number words and small digits: how many ("kolme suurinta", "top 5"). */
  counts: number[];
  /** Years the question names ("vuonna 2025"). */
  years: number[];
  groups: Set<string>;
  /** Content words nothing in the knowledge explains: a sign the question is about something else. */
  unknown: string[];
  /** The kind of answer asked for. */
  asks: AnswerType;
  /** Words asking for something no source gives (a phone number, doctors, the weather). */
  unknowable: string[];
  /** "yli 2 miljoonaa", "under 100 000 €": a condition on a figure. */
  threshold?: Threshold;
  /** The content words as search terms (no names, question words or steering words). */
  terms: QueryTerm[];
  /** Content words that name neither a figure nor a region section: what else the question is about. */
  topicWords: string[];
  /**
   * For "montako X…" / "paljonko X…": whether X (the first content word after the question word)
   * names a figure. "Montako vapaaehtoista Satakunnan sote-järjestöissä on?" counts volunteers,
   * not NGOs. Undefined when the question has no such word.
   */
  countsFigure?: boolean;
  /** That counted word's search term ("vapaaehtois"): a number answering must stand beside it. */
  counted?: string;
}

export interface Understander {
  understand(text: string, localeHint?: string): Understanding;
  /** Passages that hold the question's content words, best first. */
  search(u: Understanding, filter?: Parameters<PassageIndex["search"]>[2]): PassageHit[];
  readonly index: PassageIndex;
  /** The regions a passage is about: its own region, or the regions its text names. */
  regionsOf(passageId: string): string[];
}

/** Groups whose words steer the question rather than carry its content. */
const STEERING = new Set([
  "filler", "lang-fi", "lang-sv", "lang-en", "most", "least", "rank", "per-resident", "compare", "total", "without",
  "including", "above", "below", "county-word", "area-word", "followup", "there", "home", "refer", "first", "last", "more", "help",
  "greeting", "thanks", "overview", "figures-all",
]);

const ORIGIN = /lai(nen|sta|sia|set|sten|sen|siin|sista|sissa)$/;

/** Words that ask for a region's figures or sections: asking for them is not another topic. */
const SECTIONS = new Set(["group:structures", "group:highlights", "group:tour", "steps"]);

export function createUnderstander(k: Knowledge): Understander {
  const vocabulary: Vocabulary = buildVocabulary(k);
  const matcher = createRegionMatcher(k.regions, k.lexicon);
  const languageOf = new Map<string, Language[]>();
  for (const lang of ["fi", "sv", "en"] as const) {
    for (const w of k.lexicon.groups[`lang-${lang}`] ?? []) {
      const key = phraseKey(w);
      languageOf.set(key, [...(languageOf.get(key) ?? []), lang]);
    }
  }
  // Question words by themselves, so that an entry phrase that starts with one ("miksi järjestöt…")
  // does not hide what the question asks.
  const askGroups = new Map<string, string[]>();
  for (const [group, words] of Object.entries(k.lexicon.groups)) {
    if (group.startsWith("ask-")) for (const w of words ?? []) if (!w.includes(" ")) askGroups.set(phraseKey(w), [...(askGroups.get(phraseKey(w)) ?? []), group]);
  }
  const stop = new Set<string>();
  for (const [group, words] of Object.entries(k.lexicon.groups)) {
    if (STEERING.has(group) || group.startsWith("ask-")) for (const w of words ?? []) if (!w.includes(" ")) stop.add(phraseKey(w));
  }
  // Region names are found by the name table, not searched as words: "Keski-Suomessa" in a
  // passage must not match "keskus" in a question.
  const indexStop = new Set(stop);
  for (const r of k.regions) for (const f of regionNameForms(r)) indexStop.add(f.key.split(" ").length === 1 ? f.key : f.key.split(" ")[0]!);
  const index = buildPassageIndex(k, indexStop);
  const synonyms = new Map(Object.entries(k.lexicon.synonyms).map(([a, b]) => [phraseKey(a), phraseKey(b)]));

  // Which regions each passage names, read once with the same name table as questions.
  const mentioned = new Map<string, string[]>();
  for (const p of index.passages) {
    const own = p.regionId ? [p.regionId] : [];
    const text = typeof p.text === "string" ? p.text : p.text.fi;
    const named = matcher.find(tokenize(text), false).filter((m) => m.ids.length === 1).map((m) => m.ids[0]!);
    // An entry about one region ("Keskisuomalainen järjestökenttä 2020") is about it in every sentence.
    const entryRegions = p.entryId ? (k.entries.find((e) => e.id === p.entryId)?.regions ?? []) : [];
    const sole = entryRegions.length === 1 ? entryRegions : [];
    mentioned.set(p.id, [...new Set([...own, ...named, ...sole])]);
  }

  return {
    index,
    regionsOf: (id) => mentioned.get(id) ?? [],
    search: (u, filter) => index.search(u.terms, u.language, filter),
    understand(text, localeHint) {
      const tokens = tokenize(text);
      const regions = matcher.find(tokens, vocabulary.knows);
      const taken = new Array<boolean>(tokens.length).fill(false);
      for (const m of regions) taken.fill(true, m.start, m.end);
      const hits = vocabulary.match(tokens, taken);
      const groupsAt: Array<Set<string>> = tokens.map(() => new Set());
      const figureWord = new Array<boolean>(tokens.length).fill(false);
      const weakAt = new Array<boolean>(tokens.length).fill(false);
      for (const h of hits) {
        taken.fill(true, h.start, h.end);
        for (const t of h.targets) if (t.startsWith("group:")) for (let i = h.start; i < h.end; i++) groupsAt[i]!.add(t.slice(6));
        if (h.targets.some((t) => t.startsWith("metric:") || SECTIONS.has(t))) figureWord.fill(true, h.start, h.end);
        if (h.targets.some((t) => t === "group:tour" || t === "group:highlights")) weakAt.fill(true, h.start, h.end);
      }
      tokens.forEach((t, i) => {
        const asked = askGroups.get(t.word);
        if (asked && ![...groupsAt[i]!].some((g) => g.startsWith("ask-"))) asked.forEach((g) => groupsAt[i]!.add(g));
      });

      const metrics = new Set<string>();
      const entryScores = new Map<string, number>();
      const stepNumbers = new Set<number>();
      const years: number[] = [];
      const ordinals: number[] = [];
      const counts: number[] = [];
      const groups = new Set<string>(groupsAt.flatMap((g) => [...g].filter((x) => x.startsWith("ask-"))));
      const unknowable: string[] = [];
      let steps = false;
      for (const h of hits) {
        const entryTargets = h.targets.filter((t) => t.startsWith("entry:"));
        for (const t of h.targets) {
          const [kind, value = ""] = t.split(":");
          if (kind === "metric") metrics.add(value);
          else if (kind === "group") groups.add(value);
          else if (kind === "steps") steps = true;
          else if (kind === "step") stepNumbers.add(Number(value));
          else if (kind === "ordinal") ordinals.push(Number(value));
          else if (kind === "count") counts.push(Number(value));
          else if (kind === "entry") {
            // A word shared by many entries says little about which one is meant, and a word that
            // also steers the question ("hyvinvointialueella") names an entry only weakly.
            const steering = h.targets.some((x) => x.startsWith("group:")) ? 0.5 : 1;
            const weight = ((h.how === "exact" ? 1 : 0.8) * steering) / entryTargets.length;
            entryScores.set(value, (entryScores.get(value) ?? 0) + weight * (h.end - h.start));
          }
        }
        if (h.targets.includes("group:unknowable")) unknowable.push(tokens.slice(h.start, h.end).map((t) => t.raw).join(" "));
      }
      const unknown: string[] = [];
      tokens.forEach((t, i) => {
        if (taken[i]) return;
        if (/^\d+$/.test(t.word)) {
          const n = Number(t.word);
          if (n >= 1 && n <= 30) (ordinals.push(n), counts.push(n));
          else if (n >= 1990 && n <= 2100) years.push(n);
        } else if (t.word.length >= 3 && !languageOf.has(t.word)) unknown.push(t.word);
      });

      const votes = { fi: 0, sv: 0, en: 0 };
      for (const t of tokens) for (const lang of languageOf.get(t.word) ?? []) votes[lang] += 1;
      const best = (Object.entries(votes) as Array<[Language, number]>).sort((a, b) => b[1] - a[1])[0]!;
      const language = best[1] > 0 ? best[0] : (localeLanguage(localeHint) ?? "fi");

      // Search terms: every word that is not a region name, a number or a steering word.
      const inRegion = new Array<boolean>(tokens.length).fill(false);
      for (const m of regions) inRegion.fill(true, m.start, m.end);
      const terms: QueryTerm[] = [];
      const topicWords: string[] = [];
      tokens.forEach((t, i) => {
        if (inRegion[i] || stop.has(t.word) || [...groupsAt[i]!].some((g) => STEERING.has(g) || g.startsWith("ask-"))) return;
        if (/^\d+$/.test(t.word) && !/^(19|20)\d\d$/.test(t.word)) return;
        const term = /^\d+$/.test(t.word) ? t.word : canonicalStem(t.word, language);
        if (term.length < 3 || terms.some((x) => x.term === term)) return;
        const alts = [synonyms.get(t.word), stripClitic(t.word)].filter((w): w is string => !!w).map((w) => canonicalStem(w, language));
        if (language === "fi") alts.push(...gradationVariants(term));
        terms.push({ term, weight: 1, ...(alts.length ? { alts } : {}), ...(weakAt[i] ? { weak: true } : {}) });
        if (!/^\d+$/.test(t.word) && !figureWord[i]) topicWords.push(t.word);
      });

      const threshold = readThreshold(text, groups);
      // Finnish puts what is counted right after "montako"; Swedish and English may put adjectives
      // first ("how many social and health NGOs"), so a figure word among the next few counts.
      const countsFigure = (at: number) => (language === "fi" ? figureWord[at]! : figureWord.slice(at, at + 5).some(Boolean));
      const askAt = groupsAt.findIndex((g) => g.has("ask-count") || g.has("ask-amount"));
      // Adjectives of origin ("keskisuomalaista sote-järjestöä") qualify the counted noun that follows.
      const countedAt = askAt < 0 ? -1 : tokens.findIndex((t, i) => i > askAt && !inRegion[i] && !stop.has(t.word) && !/^\d/.test(t.word) && !ORIGIN.test(t.word) && ![...groupsAt[i]!].some((g) => STEERING.has(g) || g.startsWith("ask-")));
      return {
        language,
        regions,
        metrics: [...metrics],
        entries: [...entryScores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score),
        steps,
        stepNumbers: [...stepNumbers],
        ordinals,
        counts: threshold ? [] : counts,
        years,
        groups,
        unknown,
        asks: answerTypeOf(tokens, groupsAt, groups),
        unknowable,
        ...(threshold ? { threshold } : {}),
        terms,
        topicWords,
        ...(countedAt >= 0 ? { countsFigure: countsFigure(countedAt), counted: canonicalStem(tokens[countedAt]!.word, language) } : {}),
      };
    },
  };
}

function localeLanguage(locale: string | undefined): Language | undefined {
  const lang = locale?.slice(0, 2).toLowerCase();
  return lang === "fi" || lang === "sv" || lang === "en" ? lang : undefined;
}
