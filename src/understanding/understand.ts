// Reads one message, once, into what it names and asks: regions (and those left out), figures,
// entries, steps, the kind of answer wanted (who, when, how many, which region…), operators
// (ranking, threshold, per resident), years, references to the previous answer, and the content
// words left over for passage search. Spoken Finnish is brought to its written form first, and
// function words of all three languages are never content. A clause that asks nothing before
// one that asks is context: its words weigh less. What to answer is decided in src/decision.
import type { Knowledge } from "../knowledge/load.js";
import type { Language } from "../knowledge/schema.js";
import type { Passage } from "../retrieval/passages.js";
import { buildPassageIndex, type PassageHit, type PassageIndex, type QueryTerm } from "../retrieval/passage-index.js";
import { isFunctionWord, isFunctionWordAnywhere, writtenForm } from "../text/function-words.js";
import { phraseKey, stripClitic, tokenize, type Token } from "../text/normalise.js";
import { canonicalStem, gradationVariants } from "../text/terms.js";
import { answerTypeOf, type AnswerType } from "./answer-type.js";
import { asksOnlyFirst, clausesOf, contextTokens, type Clause, type ClauseReading } from "./clauses.js";
import { regionNameForms } from "../knowledge/name-forms.js";
import { createRegionMatcher, type RegionMention } from "./region-names.js";
import { readThreshold, type Threshold } from "./threshold.js";
import { createTypoFixer, type TypoFixer } from "./typos.js";
import { buildVocabulary, type Target, type Vocabulary } from "./vocabulary.js";

/** A content word of the question as a search term, with what the vocabulary read it as. */
export interface ContentTerm extends QueryTerm {
  /** The word as folded ("lupasi"). */
  word: string;
  /** What the word names in the vocabulary: "metric:ngos", "entry:stea", "step:3", "steps", "group:structures". */
  from: Target[];
  /** In a clause that asks nothing: context before the question. */
  context: boolean;
  /** Stands beside a figure's word, or is the word counted ("registered associations"): it narrows the figure asked. */
  narrows?: true;
}

export interface Understanding {
  language: Language;
  /** The message's tokens, folded, spoken forms written out. */
  tokens: Token[];
  clauses: Clause[];
  regions: RegionMention[];
  /** Regions the question leaves out ("ilman Helsinkiä", "not counting Helsinki"). */
  excluded: string[];
  /** Regions the question keeps in ("Helsinki mukaan luettuna"): neither is what it asks about. */
  included: string[];
  metrics: string[];
  /** Entry ids with a score: rarer matching words weigh more. */
  entries: Array<{ id: string; score: number }>;
  steps: boolean;
  stepNumbers: number[];
  /** Ordinals and small digits: which one ("toinen askel", "se kolmas"). */
  ordinals: number[];
  /** Number words and small digits: how many ("kolme suurinta", "top 5"). */
  counts: number[];
  /** Years the question names ("vuonna 2025"). */
  years: number[];
  groups: Set<string>;
  /** Content words nothing in the vocabulary explains (outside context): a sign of another subject. */
  unknown: string[];
  asks: AnswerType;
  /** Words asking for something no source gives (a phone number, doctors, the weather). */
  unknowable: string[];
  threshold?: Threshold;
  /** The content words as search terms (no names, question words, function or steering words). */
  terms: ContentTerm[];
  /** Content words that name neither a figure nor a region section: what else the question is about. */
  topicWords: string[];
  /**
   * For "montako X…" / "paljonko X…": whether X names a figure. "Montako vapaaehtoista Satakunnan
   * sote-järjestöissä on?" counts volunteers, not NGOs. Undefined when there is no such word.
   */
  countsFigure?: boolean;
  /** That counted word's search term ("vapaaehtois"): a number answering must stand beside it. */
  counted?: string;
}

export interface Understander {
  understand(text: string, localeHint?: string): Understanding;
  /** Passages that hold the question's content words, best first. */
  search(terms: QueryTerm[], language: Language, within?: ReadonlySet<Passage>): PassageHit[];
  readonly index: PassageIndex;
  /** The regions a passage is about: its own region, or the regions its text names. */
  regionsOf(passageId: string): string[];
  /** The passages about a region: the inverse of regionsOf, for narrowing a search at once. */
  passagesAbout(regionId: string): ReadonlySet<Passage>;
  /** An entry's passages. */
  passagesOf(entryId: string): ReadonlySet<Passage>;
  /** The message read only as far as cutting it into questions needs. */
  readClauses(text: string): ClauseReading;
}

/** Groups whose words steer the question rather than carry its content (the lang-* lists only vote for a language). "Suomessa" is not one: national figures are found by it. */
const STEERING = new Set([
  "filler", "most", "least", "rank", "per-resident", "per-ngo", "compare", "total", "without",
  "including", "above", "below", "county-word", "area-word", "followup", "there", "refer", "first", "last", "more", "help",
  "greeting", "thanks", "overview", "figures-all", "home", "municipality", "wonder", "request",
]);
/** Groups whose words make a clause a question, besides the ask groups. */
const ASKING = new Set(["overview", "followup", "more", "help"]);

const ORIGIN = /lai(nen|sta|sia|set|sten|sen|siin|sista|sissa)$/;
/** Words that ask for a region's figures or sections: asking for them is not another topic. */
const SECTIONS = new Set(["group:structures", "group:highlights", "group:tour", "steps"]);
/** Context words count for this much of a question word's weight in search. */
const CONTEXT_WEIGHT = 0.5;
/** How near a region name must stand to a "without" word to be the one left out. */
const WITHOUT_REACH = 3;

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
  // Single question words, for cutting a message into clauses without reading it whole.
  const askWords = new Set(askGroups.keys());
  const singleWords = (group: "wonder" | "request") => new Set((k.lexicon.groups[group] ?? []).filter((w) => !w.includes(" ")).map(phraseKey));
  const wonderWords = singleWords("wonder");
  const requestWords = singleWords("request");
  for (const group of ASKING) for (const w of k.lexicon.groups[group as keyof typeof k.lexicon.groups] ?? []) if (!w.includes(" ")) askWords.add(phraseKey(w));
  const stop = new Set<string>();
  for (const [group, words] of Object.entries(k.lexicon.groups)) {
    if (STEERING.has(group) || group.startsWith("ask-")) for (const w of words ?? []) if (!w.includes(" ")) stop.add(phraseKey(w));
  }
  // Region names are found by the name table, not searched as words: "Keski-Suomessa" in a
  // passage must not match "keskus" in a question.
  const indexStop = new Set(stop);
  for (const r of k.regions) for (const f of regionNameForms(r)) indexStop.add(f.key.split(" ").length === 1 ? f.key : f.key.split(" ")[0]!);
  const index = buildPassageIndex(k, indexStop);
  // Words a typo may be read as: the vocabulary's and every word of the passages, in each language.
  // Made on the first word that needs it, not at every reload.
  let typoFixer: TypoFixer | undefined;
  const fixTypo = (word: string) => {
    if (!typoFixer) {
      const texts = index.passages.flatMap((p) => [p.text, p.label].flatMap((t) => (typeof t === "string" ? [t] : [t.fi, t.sv ?? "", t.en ?? ""])));
      typoFixer = createTypoFixer([...vocabulary.words(), ...texts.flatMap((t) => tokenize(t).map((x) => x.word))], (a, b) => canonicalStem(a, "fi") === canonicalStem(b, "fi"));
    }
    return typoFixer(word);
  };
  const synonyms = new Map(Object.entries(k.lexicon.synonyms).map(([a, b]) => [phraseKey(a), phraseKey(b)]));
  // Each word of the lexicon's phrases is a word the bot knows ("bigger" of "bigger than"): never a typo of another.
  const phraseWords = new Set(Object.values(k.lexicon.groups).flatMap((ws) => (ws ?? []).flatMap((w) => phraseKey(w).split(" "))));

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
  const about = new Map<string, Set<Passage>>();
  for (const p of index.passages) for (const r of mentioned.get(p.id)!) (about.get(r) ?? about.set(r, new Set()).get(r)!).add(p);
  const none = new Set<Passage>();
  const ofEntry = new Map<string, Set<Passage>>();
  for (const p of index.passages) if (p.entryId) (ofEntry.get(p.entryId) ?? ofEntry.set(p.entryId, new Set()).get(p.entryId)!).add(p);

  const languageOfTokens = (tokens: Token[], localeHint: string | undefined): Language => {
    const votes = { fi: 0, sv: 0, en: 0 };
    for (const t of tokens) {
      for (const lang of languageOf.get(t.word) ?? []) votes[lang] += 1;
      // A function word of one language only ("att", "the", "että") says which language this is.
      const of = (["fi", "sv", "en"] as const).filter((l) => isFunctionWord(t.word, l));
      if (of.length === 1) votes[of[0]!] += 0.5;
    }
    const best = (Object.entries(votes) as Array<[Language, number]>).sort((a, b) => b[1] - a[1])[0]!;
    return best[1] > 0 ? best[0] : (localeLanguage(localeHint) ?? "fi");
  };

  return {
    index,
    regionsOf: (id) => mentioned.get(id) ?? [],
    passagesAbout: (id) => about.get(id) ?? none,
    search: (terms, language, within) => index.search(terms, language, within),
    passagesOf: (id) => ofEntry.get(id) ?? none,
    readClauses(text) {
      const tokens = tokenize(text).map((t) => ({ ...t, word: writtenForm(t.word) }));
      const asks = (i: number) => askWords.has(tokens[i]!.word);
      const content = (i: number) => !asks(i) && !stop.has(tokens[i]!.word) && tokens[i]!.word.length > 2 && !(["fi", "sv", "en"] as const).some((l) => isFunctionWord(tokens[i]!.word, l));
      const onlyFirst = (i: number) => asksOnlyFirst(tokens[i]!.word, askGroups.get(tokens[i]!.word) ?? []);
      const opens = (i: number) => wonderWords.has(tokens[i]!.word);
      const requests = (i: number) => requestWords.has(tokens[i]!.word);
      return { tokens, clauses: clausesOf(text, tokens, { asks, onlyFirst, opens, requests }), content };
    },
    understand(text, localeHint) {
      const tokens = tokenize(text).map((t) => ({ ...t, word: writtenForm(t.word) }));
      // A function word is never a misspelt region ("vähän" is not "Varhan").
      const regions = matcher.find(tokens, (w) => vocabulary.knows(w) || isFunctionWordAnywhere(w));
      const taken = new Array<boolean>(tokens.length).fill(false);
      for (const m of regions) taken.fill(true, m.start, m.end);
      const language = languageOfTokens(tokens, localeHint);
      tokens.forEach((t, i) => {
        if (taken[i] || isFunctionWord(t.word, language) || phraseWords.has(t.word) || vocabulary.knows(t.word) || index.knows(canonicalStem(t.word, language), language)) return;
        const fixed = fixTypo(t.word);
        if (fixed) tokens[i] = { ...t, word: fixed };
      });
      const hits = vocabulary.match(tokens, taken);
      const groupsAt: Array<Set<string>> = tokens.map(() => new Set());
      const targetsAt: Target[][] = tokens.map(() => []);
      const figureWord = new Array<boolean>(tokens.length).fill(false);
      const weakAt = new Array<boolean>(tokens.length).fill(false);
      for (const h of hits) {
        taken.fill(true, h.start, h.end);
        for (let i = h.start; i < h.end; i++) targetsAt[i]!.push(...h.targets);
        for (const t of h.targets) if (t.startsWith("group:")) for (let i = h.start; i < h.end; i++) groupsAt[i]!.add(t.slice(6));
        if (h.targets.some((t) => t.startsWith("metric:") || SECTIONS.has(t))) figureWord.fill(true, h.start, h.end);
        if (h.targets.some((t) => t === "group:tour" || t === "group:highlights" || t === "group:being")) weakAt.fill(true, h.start, h.end);
      }
      tokens.forEach((t, i) => {
        const asked = askGroups.get(t.word);
        if (asked && ![...groupsAt[i]!].some((g) => g.startsWith("ask-"))) asked.forEach((g) => groupsAt[i]!.add(g));
      });
      // "ja", "och", "and" point back only at the start of a message ("ja rahoitus?"); "entä" anywhere near it.
      const lead = tokens.findIndex((_, i) => !groupsAt[i]!.has("greeting") && !groupsAt[i]!.has("thanks"));
      groupsAt.forEach((g, i) => i > lead + 1 && g.delete("followup"));
      const asking = (i: number) => [...groupsAt[i]!].some((g) => g.startsWith("ask-") || ASKING.has(g));
      const onlyFirst = (i: number) => asksOnlyFirst(tokens[i]!.word, [...groupsAt[i]!].filter((g) => g.startsWith("ask-") || ASKING.has(g)));
      const clauses = clausesOf(text, tokens, { asks: asking, onlyFirst, opens: (i) => groupsAt[i]!.has("wonder"), requests: (i) => groupsAt[i]!.has("request") });
      const functionWord = (i: number) => isFunctionWord(tokens[i]!.word, language) && targetsAt[i]!.every((t) => t.startsWith("group:"));
      // A clause that points back ("niistä kolmas, …") is part of the question, and so is one that
      // only sets an operator ("ilman Helsinkiä, …", "– kaikki alueet"): no words of its own beside it.
      const POINTING = ["refer", "followup", "there", "last", "more", "home"];
      const OPERATOR = ["rank", "without", "including"];
      const pointsBack = (i: number) => POINTING.some((g) => groupsAt[i]!.has(g)) || targetsAt[i]!.some((t) => t.startsWith("ordinal:"));
      const operator = (i: number) => OPERATOR.some((g) => groupsAt[i]!.has(g));
      const own = (i: number) => targetsAt[i]!.length === 0 && !functionWord(i) && !/^\d+$/.test(tokens[i]!.word);
      const content = (i: number) => own(i) || targetsAt[i]!.some((t) => !t.startsWith("group:"));
      const inRegion = new Array<boolean>(tokens.length).fill(false);
      for (const m of regions) inRegion.fill(true, m.start, m.end);
      // Beside an operator, any word but a region's name is the clause's own ("Jag är med i en förening.").
      const context = contextTokens(clauses, tokens.length, pointsBack, operator, (i) => content(i) && !inRegion[i], content);
      // "kolmas", "kolme": which one or how many, never what the question is about.
      const ordinalOrCount = (i: number) => targetsAt[i]!.some((t) => t.startsWith("ordinal:") || t.startsWith("count:"));

      const metrics = new Set<string>();
      const entryScores = new Map<string, number>();
      const stepNumbers = new Set<number>();
      const years: number[] = [];
      const ordinals: number[] = [];
      const counts: number[] = [];
      const groups = new Set<string>(groupsAt.flatMap((g) => [...g].filter((x) => x.startsWith("ask-"))));
      const followupAt = groupsAt.some((g) => g.has("followup"));
      const unknowable: string[] = [];
      let steps = false;
      for (const h of hits) {
        const inContext = context[h.start]!;
        const entryTargets = h.targets.filter((t) => t.startsWith("entry:"));
        for (const t of h.targets) {
          const [kind, value = ""] = t.split(":");
          if (kind === "group") {
            // Steering words of the context ("oon uus…") do not steer the question.
            if ((!inContext || value === "unknowable") && (value !== "followup" || followupAt)) groups.add(value);
          } else if (kind === "entry") {
            // A word shared by many entries says little about which one is meant, and a word that
            // also steers the question ("hyvinvointialueella") names an entry only weakly.
            const steering = h.targets.some((x) => x.startsWith("group:")) ? 0.5 : 1;
            const weight = ((h.how === "exact" ? 1 : 0.8) * steering * (inContext ? CONTEXT_WEIGHT : 1)) / entryTargets.length;
            entryScores.set(value, (entryScores.get(value) ?? 0) + weight * (h.end - h.start));
          } else if (inContext) continue;
          else if (kind === "metric") metrics.add(value);
          else if (kind === "steps") steps = true;
          else if (kind === "step") stepNumbers.add(Number(value));
          else if (kind === "ordinal") ordinals.push(Number(value));
          else if (kind === "count") counts.push(Number(value));
        }
        // Asking about the future is unknowable; a future date in the context is only when the asker needs it.
        if (h.targets.includes("group:unknowable") || (h.targets.includes("group:future") && !inContext)) unknowable.push(tokens.slice(h.start, h.end).map((t) => t.raw).join(" "));
      }
      const unknown: string[] = [];
      tokens.forEach((t, i) => {
        if (taken[i]) return;
        if (/^\d+$/.test(t.word)) {
          const n = Number(t.word);
          if (context[i]) return;
          if (n >= 1 && n <= 30) (ordinals.push(n), counts.push(n));
          else if (n >= 1990 && n <= 2100) years.push(n);
        } else if (t.word.length >= 3 && !functionWord(i) && !context[i]) unknown.push(t.word);
      });

      // Search terms: every word that is not a region name, a number, a function or steering word.
      const terms: ContentTerm[] = [];
      const topicWords: string[] = [];
      tokens.forEach((t, i) => {
        if (inRegion[i] || stop.has(t.word) || functionWord(i) || ordinalOrCount(i) || [...groupsAt[i]!].some((g) => STEERING.has(g) || g.startsWith("ask-"))) return;
        if (/^\d+$/.test(t.word) && Number(t.word) <= 30) return;
        const term = /^\d+$/.test(t.word) ? t.word : canonicalStem(t.word, language);
        if (term.length < 3 || terms.some((x) => x.term === term)) return;
        const alts = [synonyms.get(t.word), stripClitic(t.word)].filter((w): w is string => !!w).map((w) => canonicalStem(w, language));
        if (language === "fi") alts.push(...gradationVariants(term));
        const from = targetsAt[i]!.filter((x) => !x.startsWith("group:") || SECTIONS.has(x));
        // "aluekierroksen mukaan", "enligt SOSTE", "according to the tour": whose word it is, not what is asked.
        const before = tokens.slice(Math.max(0, i - 3), i).map((x) => x.word).join(" ");
        const source = (SOURCE_AFTER.has(tokens[i + 1]?.word ?? "") && t.word.endsWith("n")) || /(^| )enligt$|according to( the)?$/.test(before);
        // Right beside the figure's word, or one word before it: "rekisteröityjä järjestöjä", "järjestöä Ruotsissa".
        const narrows = !figureWord[i] && (!!figureWord[i + 1] || !!figureWord[i - 1] || (!!figureWord[i + 2] && !inRegion[i + 1]));
        terms.push({ term, weight: context[i] ? CONTEXT_WEIGHT : 1, ...(alts.length ? { alts } : {}), ...(weakAt[i] || source ? { weak: true } : {}), word: t.word, from, context: context[i]!, ...(narrows ? { narrows } : {}) });
        if (!/^\d+$/.test(t.word) && !figureWord[i] && !context[i] && !source) topicWords.push(t.word);
      });

      const threshold = readThreshold(text, groups);
      // Finnish puts what is counted right after "montako"; Swedish and English may put adjectives
      // first ("how many social and health NGOs"), so a figure word among the next few counts, unless a
      // word naming something else comes before it ("how many volunteers work in NGOs").
      const countsFigure = (at: number) => {
        if (language === "fi" || figureWord[at]) return figureWord[at]!;
        const figure = figureWord.findIndex((x, i) => x && i >= at && i < at + 5);
        return figure >= 0 && !targetsAt.slice(at, figure).some((ts) => ts.some((t) => t.startsWith("entry:")));
      };
      const askAt = groupsAt.findIndex((g) => g.has("ask-count") || g.has("ask-amount"));
      // Adjectives of origin ("keskisuomalaista sote-järjestöä") qualify the counted noun that follows.
      const countedAt = askAt < 0 ? -1 : tokens.findIndex((t, i) => i > askAt && !inRegion[i] && !stop.has(t.word) && !functionWord(i) && !ordinalOrCount(i) && !/^\d/.test(t.word) && !ORIGIN.test(t.word) && ![...groupsAt[i]!].some((g) => STEERING.has(g) || g.startsWith("ask-")));
      // "ilman Helsinkiä" leaves a region out, "Helsinki mukaan luettuna" keeps it in: neither is asked about.
      const excluded = regionsBeside("without", regions, groupsAt);
      const included = [...regionsBeside("including", regions, groupsAt), ...regionsBefore(INCLUDED_AFTER, regions, tokens)];
      return {
        language,
        tokens,
        clauses,
        regions: regions.filter((m) => !(m.ids.length === 1 && (excluded.includes(m.ids[0]!) || included.includes(m.ids[0]!)))),
        excluded,
        included,
        metrics: [...metrics],
        entries: [...entryScores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score),
        steps,
        stepNumbers: [...stepNumbers],
        ordinals,
        counts: threshold ? [] : counts,
        years,
        groups,
        unknown,
        asks: answerTypeOf(tokens, groupsAt, groups, inRegion),
        unknowable,
        ...(threshold ? { threshold } : {}),
        terms,
        topicWords,
        ...(countedAt >= 0 ? { countsFigure: countsFigure(countedAt), counted: canonicalStem(tokens[countedAt]!.word, language) } : {}),
      };
    },
  };
}

/**
 * The regions a "without" or "including" word is about: the name right after it ("ilman
 * Helsinkiä", "utan Helsingfors"), else the one right before it ("Helsinkiä lukuun ottamatta",
 * "Helsinki mukaan luettuna").
 */
function regionsBeside(group: "without" | "including", regions: RegionMention[], groupsAt: Array<Set<string>>): string[] {
  const out = new Set<string>();
  groupsAt.forEach((g, i) => {
    if (!g.has(group) || (i > 0 && groupsAt[i - 1]!.has(group))) return;
    let end = i;
    while (end < groupsAt.length && groupsAt[end]!.has(group)) end++;
    const single = regions.filter((m) => m.ids.length === 1);
    const after = single.find((m) => m.start >= end && m.start < end + WITHOUT_REACH);
    const before = [...single].reverse().find((m) => m.end <= i && m.end > i - WITHOUT_REACH);
    const hit = after ?? before;
    if (hit) out.add(hit.ids[0]!);
  });
  return [...out];
}

/** "aluekierroksen mukaan / tiedoissa / luvuilla": after a genitive, the words that name it as the source. */
const SOURCE_AFTER = new Set(["mukaan", "perusteella", "tiedoissa", "tiedoilla", "tietojen", "luvuissa", "luvuilla", "lukujen", "aineistossa", "raportissa"]);

/** "helsinki mukaan", "Helsingfors med": a postposition right after a region keeps it in. */
const INCLUDED_AFTER = new Set(["mukaan", "mukana", "med", "included", "too"]);

function regionsBefore(words: Set<string>, regions: RegionMention[], tokens: Token[]): string[] {
  return regions.filter((m) => m.ids.length === 1 && words.has(tokens[m.end]?.word ?? "")).map((m) => m.ids[0]!);
}

function localeLanguage(locale: string | undefined): Language | undefined {
  const lang = locale?.slice(0, 2).toLowerCase();
  return lang === "fi" || lang === "sv" || lang === "en" ? lang : undefined;
}
