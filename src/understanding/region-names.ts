// Region names are a closed set, so they are matched from a table of every written form rather
// than by a stemmer: generated from the forms in each region file (Finnish cases, Swedish and
// English names, short names), looked up longest phrase first so that "Etelä-Pohjanmaalla" is
// Etelä-Pohjanmaa and not Pohjanmaa. Typos get a narrow fuzzy fallback (see matchTypos).
import type { LexiconFile, RegionFile } from "../knowledge/schema.js";
import { regionNameForms } from "../knowledge/name-forms.js";
import { editDistance, phraseKey, stripClitic, type Token } from "../text/normalise.js";

export interface RegionMention {
  ids: string[];
  start: number;
  end: number;
  written: string;
  /** Found by typo tolerance rather than an exact form: the answer says how it read the name. */
  fuzzy: boolean;
  /** The name of a part of the area: the answer says its figures are the whole area's. */
  partial: boolean;
}

type Named = { ids: string[]; capitalised: boolean; partial: boolean };

export interface RegionMatcher {
  /** Region names in the tokens; typos are forgiven unless isKnownWord is false (knowledge text is spelt right). */
  find(tokens: Token[], isKnownWord: ((word: string) => boolean) | false): RegionMention[];
}

export function createRegionMatcher(regions: Array<Pick<RegionFile, "id" | "names">>, lexicon: LexiconFile): RegionMatcher {
  const table = new Map<string, Named>();
  const typoTargets: string[] = [];
  for (const r of regions) {
    for (const f of regionNameForms(r)) {
      table.set(f.key, { ids: [r.id], capitalised: f.capitalised, partial: f.partial });
      if (!f.generated && !f.capitalised && !f.partial && !f.key.includes(" ") && f.key.length >= 5) typoTargets.push(f.key);
    }
  }
  for (const a of lexicon.ambiguous) {
    for (const form of a.forms) if (!table.has(phraseKey(form))) table.set(phraseKey(form), { ids: a.regions, capitalised: false, partial: false });
  }
  const maxLen = Math.max(...[...table.keys()].map((k) => k.split(" ").length));
  const notNames = new Set(lexicon.not_names.map(phraseKey));
  // First words of two-word names ("pohjois", "etela", "keski"…), read from the names themselves.
  const prefixes = new Set([...table.keys()].filter((k) => k.split(" ").length === 2).map((k) => k.split(" ")[0]!));
  // Typo candidates by first letter (a typo in the first letter is rare) and length (one or two edits
  // away): this keeps the fallback cheap when the knowledge has thousands of names.
  const byInitial = new Map<string, string[]>();
  for (const key of typoTargets) {
    const bucket = key[0]! + key.length;
    const list = byInitial.get(bucket);
    if (list) list.push(key);
    else byInitial.set(bucket, [key]);
  }
  const near = (word: string) => [-2, -1, 0, 1, 2].flatMap((d) => byInitial.get(word[0]! + (word.length + d)) ?? []);

  const lookup = (tokens: Token[], i: number, len: number) => {
    const words = tokens.slice(i, i + len).map((t) => t.word);
    const exact = table.get(words.join(" "));
    const last = stripClitic(words[len - 1]!);
    const hit = exact ?? (last ? table.get([...words.slice(0, -1), last].join(" ")) : undefined);
    if (!hit) return undefined;
    if (hit.capitalised && !/^\p{Lu}/u.test(tokens[i]!.raw)) return undefined;
    return hit;
  };

  return {
    find(tokens, isKnownWord) {
      const mentions: RegionMention[] = [];
      const taken = new Array<boolean>(tokens.length).fill(false);
      for (let i = 0; i < tokens.length; i++) {
        for (let len = Math.min(maxLen, tokens.length - i); len >= 1; len--) {
          const hit = lookup(tokens, i, len);
          if (!hit) continue;
          mentions.push({ ids: hit.ids, start: i, end: i + len, written: rawOf(tokens, i, i + len), fuzzy: false, partial: hit.partial });
          taken.fill(true, i, i + len);
          i += len - 1;
          break;
        }
      }
      if (isKnownWord === false) return mentions;
      for (let i = 0; i < tokens.length; i++) {
        const word = tokens[i]!.word;
        // After "Pohjois", "Etelä"… the typo belongs to the two-word name ("Pohjois-Pohjanmalla"
        // is Pohjois-Pohjanmaa, never Pohjanmaa): match the pair joined, or nothing.
        const prev = i > 0 && !taken[i - 1] ? tokens[i - 1]!.word : undefined;
        if (taken[i] || word.length < 3) continue;
        // A misspelt two-word name ("Varsinai-Suomen") is tried as a pair before its parts.
        // (A pair of words the knowledge knows, "sote järjestöä", is not one.)
        const pair = prev !== undefined && prev.length >= 3 && (prev + word).length >= 10 && !(isKnownWord(prev) && isKnownWord(word));
        const pairIds = pair ? matchTypo(prev + word, near(prev + word), table) : undefined;
        if (pairIds) {
          mentions.push({ ids: pairIds, start: i - 1, end: i + 1, written: rawOf(tokens, i - 1, i + 1), fuzzy: true, partial: false });
          taken[i - 1] = taken[i] = true;
          continue;
        }
        if (prev !== undefined && prefixes.has(prev)) continue;
        if (word.length < 5 || notNames.has(word) || isKnownWord(word)) continue;
        const ids = matchTypo(word, near(word), table);
        if (ids) mentions.push({ ids, start: i, end: i + 1, written: tokens[i]!.raw, fuzzy: true, partial: false });
      }
      return mentions.sort((a, b) => a.start - b.start);
    },
  };
}

/**
 * A typo is accepted only when exactly one region is within reach: one edit for words up to seven
 * letters, two for longer ones, and the first letter right. Unrestricted fuzzy matching turns
 * "Suomessa" into Keski-Suomi and "vastaan" into Vantaa; this does not.
 */
function matchTypo(word: string, keys: string[], table: Map<string, Named>): string[] | undefined {
  const max = word.length >= 8 ? 2 : 1;
  let best: { d: number; ids: string[] } | undefined;
  let tie = false;
  for (const key of keys) {
    if (Math.abs(key.length - word.length) > max) continue;
    const entry = table.get(key)!;
    const d = editDistance(word, key, max);
    if (d > max) continue;
    if (!best || d < best.d) {
      best = { d, ids: entry.ids };
      tie = false;
    } else if (d === best.d && best.ids.join() !== entry.ids.join()) tie = true;
  }
  return best && !tie ? best.ids : undefined;
}

function rawOf(tokens: Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.raw)
    .join(" ");
}
