// Follow-up questions the bot offers. They are phrased so that sending one back is understood
// (the parser reads "Pirkanmaa: asukasta kohden" as a region plus a topic).
import type { Label, Language } from "../knowledge/schema.js";

const TOPICS = {
  overview: { fi: "kerro alueesta", sv: "berätta om området", en: "tell me about it" },
  "per-resident": { fi: "avustukset asukasta kohden", sv: "bidrag per invånare", en: "grants per resident" },
  structures: { fi: "yhteistyörakenteet", sv: "samarbetsstrukturer", en: "cooperation structures" },
} as const;

export function topicSuggestion(lang: Language, regionName: string, topic: keyof typeof TOPICS): string {
  return `${regionName}: ${TOPICS[topic][lang]}`;
}

const LABELS = {
  overview: { fi: "Koko profiili", sv: "Hela profilen", en: "Full profile" },
  "per-resident": { fi: "Asukasta kohden", sv: "Per invånare", en: "Per resident" },
  structures: { fi: "Yhteistyörakenteet", sv: "Samarbetsstrukturer", en: "Cooperation bodies" },
} as const;

/** The button label of a topic suggestion: a few natural words, the region is in the question. */
export function topicLabel(lang: Language, topic: keyof typeof TOPICS): string {
  return LABELS[topic][lang];
}

const RANKING = { fi: "eniten", sv: "flest", en: "most" } as const;

/** "eniten: sote-järjestöjä" — a ranking question built from a metric's own name. */
export function rankingSuggestion(lang: Language, metricName: string): string {
  return `${RANKING[lang]}: ${metricName.toLowerCase()}`;
}

/**
 * The short name a button shows for an entry, region, figure or the steps, in the reply's
 * language: written in the knowledge (`label:`), checked to fit by `kb validate`, never a title cut off.
 */
export function labelIn(label: Label, lang: Language): string {
  return typeof label === "string" ? label : label[lang];
}
