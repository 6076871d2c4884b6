// Reads one question into what it names: regions, figures, entries, steps, steering words and
// the language it is written in. Deciding what to answer is the composer's job (answers/).
import type { Knowledge } from "../knowledge/load.js";
import type { Language } from "../knowledge/schema.js";
import { phraseKey, tokenize } from "./normalise.js";
import { createRegionMatcher, type RegionMention } from "./region-names.js";
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
  /** Years the question names ("vuonna 2025"): figures must describe one of them. */
  years: number[];
  groups: Set<string>;
  /** Content words nothing in the knowledge explains: a sign the question is about something else. */
  unknown: string[];
}

export interface Understander {
  understand(text: string, localeHint?: string): Understanding;
}

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

  return {
    understand(text, localeHint) {
      const tokens = tokenize(text);
      const regions = matcher.find(tokens, vocabulary.knows);
      const taken = new Array<boolean>(tokens.length).fill(false);
      for (const m of regions) taken.fill(true, m.start, m.end);
      const hits = vocabulary.match(tokens, taken);
      for (const h of hits) taken.fill(true, h.start, h.end);

      const metrics = new Set<string>();
      const entryScores = new Map<string, number>();
      const stepNumbers = new Set<number>();
      const years: number[] = [];
      const ordinals: number[] = [];
      const counts: number[] = [];
      const groups = new Set<string>();
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
      const hinted = localeLanguage(localeHint);
      const languageSure = best[1] > 0;
      return {
        language: languageSure ? best[0] : (hinted ?? "fi"),
        regions,
        metrics: [...metrics],
        entries: [...entryScores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score),
        steps,
        stepNumbers: [...stepNumbers],
        ordinals,
        counts,
        years,
        groups,
        unknown,
      };
    },
  };
}

function localeLanguage(locale: string | undefined): Language | undefined {
  const lang = locale?.slice(0, 2).toLowerCase();
  return lang === "fi" || lang === "sv" || lang === "en" ? lang : undefined;
}
