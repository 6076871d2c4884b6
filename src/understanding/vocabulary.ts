// The content words of the knowledge base and what each points at: a metric ("asukkaita" ->
// population), an entry ("STEA:n" -> stea), the steps, or a steering group ("eniten" -> most).
// Built once per knowledge version from the words lists in the YAML, never from code.
import type { Knowledge } from "../knowledge/load.js";
import { phraseKey, stripClitic, type Token } from "../text/normalise.js";
import { finnishVariants } from "../text/stem.js";
import { remembered } from "../text/memo.js";
import { withKnowledgeStems } from "../text/stem-table.js";
import { canonicalStem } from "../text/terms.js";

/** "metric:ngos", "entry:stea", "steps", "step:3", "group:most", "ordinal:2", "count:3". */
export type Target = string;

export interface Hit {
  start: number;
  end: number;
  targets: Target[];
  how: "exact" | "stem" | "compound";
}

export interface Vocabulary {
  match(tokens: Token[], taken: boolean[]): Hit[];
  /** Whether a folded word is known at all (keeps typo-matching of regions off real words). */
  knows(word: string): boolean;
  /** Every single word the vocabulary lists, in the forms it matches exactly. */
  words(): string[];
}

const MIN_STEM = 3;
/** Groups a compound's last part may name: a structure ("järjestöyhteistyörakenne"), a finding, the tour, what no source gives. */
const COMPOUND_GROUPS = new Set(["group:structures", "group:highlights", "group:tour", "group:unknowable", "group:future"]);
const MIN_COMPOUND_PART = 5;
/** Words whose lookup a vocabulary remembers (a few days of questions). */
const LOOKUPS_KEPT = 20_000;

/** The last vocabulary built, by the words it was built from: an edit of a region file reuses it. */
let last: { key: string; vocabulary: Vocabulary } | undefined;

export function buildVocabulary(k: Knowledge): Vocabulary {
  const key = JSON.stringify([k.metrics.map((m) => [m.id, m.words]), k.entries.map((e) => [e.id, e.words, e.title]), k.steps && [k.steps.words, k.steps.steps.map((s) => s.words)], k.lexicon]);
  if (last?.key !== key) last = { key, vocabulary: withKnowledgeStems(() => vocabularyOf(k)) };
  return last.vocabulary;
}

function vocabularyOf(k: Knowledge): Vocabulary {
  const phrases = new Map<string, Target[]>();
  const stems = new Map<string, Target[]>();
  let maxLen = 1;
  const push = (map: Map<string, Target[]>, key: string, target: Target) => {
    const list = map.get(key);
    if (!list) map.set(key, [target]);
    else if (!list.includes(target)) list.push(target);
  };
  // Group words (filler, ranking...) are listed in the forms that matter; only knowledge terms are
  // expanded to inflected variants, so that filler words never shadow a content word.
  const addWord = (written: string, target: Target, expand = true) => {
    const key = phraseKey(written);
    if (!key) return;
    push(phrases, key, target);
    const words = key.split(" ");
    maxLen = Math.max(maxLen, words.length);
    if (words.length !== 1) return;
    if (!expand) {
      // Steering words also meet on their stem ("hyvinvointialuetta"), but only on long stems:
      // short ones ("suur", "tila") would catch unrelated words.
      const s = canonicalStem(key, "fi");
      if (s.length >= 5 && target !== "group:filler") push(stems, "fi:" + s, target);
      return;
    }
    for (const v of finnishVariants(key)) {
      push(phrases, v, target);
      const s = canonicalStem(v, "fi");
      if (s.length >= MIN_STEM) push(stems, "fi:" + s, target);
    }
    for (const lang of ["sv", "en"] as const) {
      const s = canonicalStem(key, lang);
      if (s.length >= MIN_STEM + 1) push(stems, lang + ":" + s, target);
    }
  };

  for (const m of k.metrics) m.words.forEach((w) => addWord(w, `metric:${m.id}`));
  for (const e of k.entries) {
    e.words.forEach((w) => addWord(w, `entry:${e.id}`));
    for (const t of textsOf(e.title)) addWord(t, `entry:${e.id}`);
  }
  if (k.steps) {
    k.steps.words.forEach((w) => addWord(w, "steps"));
    k.steps.steps.forEach((s) => s.words.forEach((w) => addWord(w, `step:${s.n}`)));
  }
  for (const [group, words] of Object.entries(k.lexicon.groups)) {
    if (!group.startsWith("lang-")) words.forEach((w) => addWord(w, `group:${group}`, false));
  }
  for (const [word, n] of Object.entries(k.lexicon.ordinals)) push(phrases, phraseKey(word), `ordinal:${n}`);
  for (const [word, n] of Object.entries(k.lexicon.numbers)) push(phrases, phraseKey(word), `count:${n}`);
  const synonyms = new Map(Object.entries(k.lexicon.synonyms).map(([a, b]) => [phraseKey(a), phraseKey(b)]));

  // A word may name several things at once ("hyvinvointialuetta" is both the concept and the
  // county-only steering word): exact forms and stems are pooled rather than first-wins.
  const lookupWord = (word: string): Pick<Hit, "targets" | "how"> | undefined => {
    const candidates = [word, synonyms.get(word), stripClitic(word)].filter((w): w is string => !!w);
    const found = new Set<Target>();
    let how: Hit["how"] = "stem";
    for (const w of candidates) {
      const t = phrases.get(w) ?? (synonyms.has(w) ? phrases.get(synonyms.get(w)!) : undefined);
      if (t) {
        t.forEach((x) => found.add(x));
        how = "exact";
        break;
      }
    }
    for (const w of candidates) {
      for (const lang of ["fi", "sv", "en"] as const) {
        const s = canonicalStem(w, lang);
        if (s.length >= MIN_STEM) stems.get(lang + ":" + s)?.forEach((x) => found.add(x));
      }
    }
    if (found.size) return { targets: [...found], how };
    // Finnish compounds: "järjestöavustuksia" is an "avustuksia" of a kind; match the last part.
    // A figure is never read from a compound's tail: "innovaatioavustus" is not the NGO grants.
    // Nor is a question word or a filler ("hakemista" is not "mistä"): only what a compound can be of.
    for (let i = 3; word.length - i >= MIN_COMPOUND_PART; i++) {
      const t = phrases.get(word.slice(i))?.filter((x) => !x.startsWith("metric:") && (!x.startsWith("group:") || COMPOUND_GROUPS.has(x)));
      if (t?.length) return { targets: t, how: "compound" };
    }
    return undefined;
  };

  // Questions repeat their words, and every word of a question is looked up (the region matcher
  // asks of each whether it is known): each word is looked up once per vocabulary, in a memory
  // that starts afresh when it holds many words.
  const lookupOnce = remembered(LOOKUPS_KEPT, lookupWord);

  return {
    knows: (word) => lookupOnce(word) !== undefined,
    words: () => [...phrases.keys()].filter((key) => !key.includes(" ")),
    match(tokens, taken) {
      const hits: Hit[] = [];
      for (let i = 0; i < tokens.length; ) {
        if (taken[i]) {
          i++;
          continue;
        }
        let matched = false;
        for (let len = Math.min(maxLen, tokens.length - i); len >= 2 && !matched; len--) {
          if (taken.slice(i, i + len).some(Boolean)) continue;
          const key = tokens.slice(i, i + len).map((t) => t.word).join(" ");
          const t = phrases.get(key);
          if (t) {
            hits.push({ start: i, end: i + len, targets: t, how: "exact" });
            i += len;
            matched = true;
          }
        }
        if (matched) continue;
        const one = lookupOnce(tokens[i]!.word);
        if (one) hits.push({ start: i, end: i + 1, ...one });
        i++;
      }
      return hits;
    },
  };
}

function textsOf(t: string | { fi: string; sv?: string; en?: string }): string[] {
  return typeof t === "string" ? [t] : [t.fi, t.sv, t.en].filter((x): x is string => !!x);
}
